import { RepresentativesSection } from './approvals/RepresentativesSection';
import { AuctionAdminSection } from './auctions/AuctionAdminSection';
import { CarbonIndexRankingSection } from './carbon-index/CarbonIndexRankingSection';
import { CertificateIssuanceSection } from './certificates/CertificateIssuanceSection';
import { AllocationSection } from './regulator/AllocationSection';
import { CompliancePeriodSection } from './regulator/CompliancePeriodSection';
import { EstimatesSection } from './regulator/EstimatesSection';
import { FactorSetSection } from './regulator/FactorSetSection';
import { FundsSection } from './regulator/FundsSection';
import { IssuanceSection } from './regulator/IssuanceSection';
import { MarketSupervisionSection } from './regulator/MarketSupervisionSection';
import { RegisterEntitySection } from './regulator/RegisterEntitySection';
import { RegistryLookupSection } from './regulator/RegistryLookupSection';
import { RegistrySection } from './regulator/RegistrySection';
import { ReportsToAccept } from './regulator/ReportsToAccept';
import { UsersNote } from './regulator/UsersNote';
import { VerifiersSection } from './regulator/VerifiersSection';
import './regulator/regulator.css';

/**
 * The regulator's console, in the order of a period's work: the period and its dashboard, factors, issuance and
 * allocation, funds, reports to accept, estimates and corrections, the carbon index ranking, green certificates,
 * the registry, then market supervision.
 */
export function RegulatorPage() {
  return (
    <>
      <CompliancePeriodSection />
      <FactorSetSection />
      <IssuanceSection />
      <AllocationSection />
      <FundsSection />
      <AuctionAdminSection />
      <VerifiersSection />
      <ReportsToAccept />
      <EstimatesSection />
      <CarbonIndexRankingSection />
      <CertificateIssuanceSection />
      <RegistrySection />
      <RegisterEntitySection />
      <RegistryLookupSection />
      <RepresentativesSection />
      <UsersNote />
      <MarketSupervisionSection />
    </>
  );
}

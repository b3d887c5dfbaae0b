// Command statedb-tamper changes one lot's quantity in a stopped peer's LevelDB state database, behind the
// ledger's back: a test tool for tamper detection (`carbon audit reconcile` must then report the lot). It
// never touches the blocks, so the peer's history still says what was committed.
//
//	statedb-tamper -db <peer>/ledgersData/stateLeveldb -channel carbon -namespace carbon \
//	  -account NATIONAL-ALLOCATION -lot <lotId> -quantity 9000
//
// Prints what it changed as one JSON line; exits 1 with one line on stderr when the database cannot be
// opened (the peer still runs), the lot is not there, or the new quantity has another number of digits.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
)

func main() {
	db := flag.String("db", "", "the peer's state database folder (ledgersData/stateLeveldb)")
	channel := flag.String("channel", "", "channel name")
	namespace := flag.String("namespace", "", "chaincode name")
	account := flag.String("account", "", "account id of the lot")
	lot := flag.String("lot", "", "lot id")
	quantity := flag.String("quantity", "", "new quantity, with as many digits as the stored one")
	flag.Parse()
	for name, value := range map[string]string{
		"db": *db, "channel": *channel, "namespace": *namespace, "account": *account, "lot": *lot, "quantity": *quantity,
	} {
		if value == "" {
			fail(fmt.Errorf("-%s is required", name))
		}
	}
	change, err := TamperLotQuantity(*db, *channel, *namespace, *account, *lot, *quantity)
	if err != nil {
		fail(err)
	}
	out, _ := json.Marshal(change)
	fmt.Println(string(out))
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "statedb-tamper: %v\n", err)
	os.Exit(1)
}

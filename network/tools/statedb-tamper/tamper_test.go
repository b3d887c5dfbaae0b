package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syndtr/goleveldb/leveldb"
)

// dbValue encodes a value as Fabric's stateleveldb does: a protobuf DBValue with the version (field 1), the
// chaincode's JSON (field 2) and key-level metadata (field 3), each a length-delimited bytes field.
func dbValue(json string) []byte {
	field := func(number byte, data []byte) []byte {
		b := []byte{number<<3 | 2}
		b = binary.AppendUvarint(b, uint64(len(data)))
		return append(b, data...)
	}
	var v []byte
	v = append(v, field(1, []byte{0x01, 0x42, 0x00})...)
	v = append(v, field(2, []byte(json))...)
	v = append(v, field(3, []byte("\x12\x06\n\x14VALIDATION_PARAMETER"))...)
	return v
}

// lotJSON is long enough (> 127 bytes) that its protobuf length prefix takes two bytes, as on a real ledger.
func lotJSON(quantity string) string {
	return `{"accountId":"NATIONAL-ALLOCATION","createdAt":"2026-12-01T04:33:16.107Z","id":"0d7f.1",` +
		`"origin":"issuance","quantity":` + quantity + `,"serialEnd":5000,"serialStart":1,"status":"held",` +
		`"unitType":"allowance","vintage":2120}`
}

func newStateDB(t *testing.T, entries map[string][]byte) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "stateLeveldb")
	db, err := leveldb.OpenFile(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for k, v := range entries {
		if err := db.Put([]byte(k), v, nil); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func read(t *testing.T, dir string, key []byte) []byte {
	t.Helper()
	db, err := leveldb.OpenFile(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	v, err := db.Get(key, nil)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestStateKeyIsFabricsLayout(t *testing.T) {
	got := StateKey("carbon", "carbon", CompositeKey("lot", "ACC-1", "tx.1"))
	want := "carbon\x00dcarbon\x00\x00lot\x00ACC-1\x00tx.1\x00"
	if string(got) != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestTamperReplacesOnlyTheQuantityAndKeepsTheEncodedLength(t *testing.T) {
	key := StateKey("carbon", "carbon", CompositeKey("lot", "NATIONAL-ALLOCATION", "0d7f.1"))
	other := StateKey("carbon", "carbon", CompositeKey("lot", "NATIONAL-ALLOCATION", "0e00.1"))
	original := dbValue(lotJSON("5000"))
	dir := newStateDB(t, map[string][]byte{string(key): original, string(other): original})

	change, err := TamperLotQuantity(dir, "carbon", "carbon", "NATIONAL-ALLOCATION", "0d7f.1", "9000")
	if err != nil {
		t.Fatal(err)
	}
	if change.From != "5000" || change.To != "9000" {
		t.Fatalf("change %+v", change)
	}
	if got, want := read(t, dir, key), dbValue(lotJSON("9000")); !bytes.Equal(got, want) {
		t.Fatalf("stored %q, want %q", got, want)
	}
	if got := read(t, dir, other); !bytes.Equal(got, original) {
		t.Fatalf("another lot changed: %q", got)
	}

	// And back: the honest value is restored byte for byte.
	if _, err := TamperLotQuantity(dir, "carbon", "carbon", "NATIONAL-ALLOCATION", "0d7f.1", "5000"); err != nil {
		t.Fatal(err)
	}
	if got := read(t, dir, key); !bytes.Equal(got, original) {
		t.Fatalf("restored %q, want %q", got, original)
	}
}

func TestRefusals(t *testing.T) {
	key := StateKey("carbon", "carbon", CompositeKey("lot", "ACC", "L.1"))
	original := dbValue(lotJSON("5000"))
	dir := newStateDB(t, map[string][]byte{string(key): original})
	cases := []struct {
		name, account, lot, quantity, message string
	}{
		{"another number of digits", "ACC", "L.1", "10000", "quantity 10000 has 5 digits, the stored 5000 has 4"},
		{"not a whole number", "ACC", "L.1", "-500", `quantity "-500" is not a whole number`},
		{"a leading zero", "ACC", "L.1", "0500", `quantity "0500" is not a whole number`},
		{"a lot that is not there", "ACC", "L.2", "9000", "lot not found in the state database: lot ~ ACC ~ L.2"},
		{"another account", "OTHER", "L.1", "9000", "lot not found"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := TamperLotQuantity(dir, "carbon", "carbon", c.account, c.lot, c.quantity)
			if err == nil || !strings.Contains(err.Error(), c.message) {
				t.Fatalf("error %v, want one containing %q", err, c.message)
			}
		})
	}
	if _, err := TamperLotQuantity(dir, "carbon", "carbon", "ACC", "L.2", "9000"); !errors.Is(err, ErrLotNotFound) {
		t.Fatalf("error %v is not ErrLotNotFound", err)
	}
	if got := read(t, dir, key); !bytes.Equal(got, original) {
		t.Fatalf("a refused change wrote %q", got)
	}
}

func TestRefusesWhileThePeerHoldsTheDatabase(t *testing.T) {
	key := StateKey("carbon", "carbon", CompositeKey("lot", "ACC", "L.1"))
	dir := newStateDB(t, map[string][]byte{string(key): dbValue(lotJSON("5000"))})
	running, err := leveldb.OpenFile(dir, nil) // stands for the running peer
	if err != nil {
		t.Fatal(err)
	}
	defer running.Close()
	_, err = TamperLotQuantity(dir, "carbon", "carbon", "ACC", "L.1", "9000")
	if err == nil || !strings.Contains(err.Error(), "is the peer still running?") {
		t.Fatalf("error %v", err)
	}
}

func TestAValueWithTwoQuantitiesIsRefused(t *testing.T) {
	_, _, err := ReplaceQuantity([]byte(`{"quantity":1,"nested":{"quantity":2}}`), "3")
	if err == nil || !strings.Contains(err.Error(), `holds 2 "quantity" fields`) {
		t.Fatalf("error %v", err)
	}
}

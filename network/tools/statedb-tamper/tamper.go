package main

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"

	"github.com/syndtr/goleveldb/leveldb"
	"github.com/syndtr/goleveldb/leveldb/opt"
)

// StateKey is the LevelDB key under which a peer's goleveldb state database keeps one chaincode key:
// the channel's database name, 0x00, then the state data key 'd' + namespace + 0x00 + key (Fabric's
// leveldbhelper.constructLevelKey around stateleveldb.encodeDataKey).
func StateKey(channel, namespace, key string) []byte {
	k := append([]byte(channel), 0x00, 'd')
	k = append(k, namespace...)
	k = append(k, 0x00)
	return append(k, key...)
}

// CompositeKey is the key the chaincode's createCompositeKey(objectType, attributes) builds:
// 0x00 objectType 0x00, then each attribute followed by 0x00.
func CompositeKey(objectType string, attributes ...string) string {
	var b bytes.Buffer
	b.WriteByte(0x00)
	b.WriteString(objectType)
	b.WriteByte(0x00)
	for _, a := range attributes {
		b.WriteString(a)
		b.WriteByte(0x00)
	}
	return b.String()
}

var quantityField = regexp.MustCompile(`"quantity":(\d+)`)
var wholeNumber = regexp.MustCompile(`^(0|[1-9]\d*)$`)

// ReplaceQuantity replaces the one `"quantity":<n>` of a stored value (Fabric's protobuf DBValue around the
// chaincode's JSON) by quantity, which must have as many digits as n: then the value's length, and so the
// protobuf length prefix of the JSON, stay as they are. Returns the new value and the previous quantity.
func ReplaceQuantity(value []byte, quantity string) ([]byte, string, error) {
	if !wholeNumber.MatchString(quantity) {
		return nil, "", fmt.Errorf("quantity %q is not a whole number", quantity)
	}
	matches := quantityField.FindAllSubmatchIndex(value, -1)
	if len(matches) != 1 {
		return nil, "", fmt.Errorf(`the value holds %d "quantity" fields, expected exactly one`, len(matches))
	}
	start, end := matches[0][2], matches[0][3]
	previous := string(value[start:end])
	if len(previous) != len(quantity) {
		return nil, "", fmt.Errorf(
			"quantity %s has %d digits, the stored %s has %d: only a quantity of the same number of digits keeps the encoded length",
			quantity, len(quantity), previous, len(previous))
	}
	updated := append([]byte{}, value...)
	copy(updated[start:end], quantity)
	return updated, previous, nil
}

// Change is what TamperLotQuantity did.
type Change struct {
	Channel   string `json:"channel"`
	Namespace string `json:"namespace"`
	AccountID string `json:"accountId"`
	LotID     string `json:"lotId"`
	From      string `json:"from"`
	To        string `json:"to"`
}

// ErrLotNotFound: the state database has no such lot.
var ErrLotNotFound = errors.New("lot not found in the state database")

// TamperLotQuantity opens a peer's state database (the peer must be stopped: LevelDB is locked while it
// runs), finds the lot `lot ~ accountID ~ lotID` in the chaincode namespace and rewrites its quantity.
func TamperLotQuantity(dbPath, channel, namespace, accountID, lotID, quantity string) (Change, error) {
	change := Change{Channel: channel, Namespace: namespace, AccountID: accountID, LotID: lotID, To: quantity}
	db, err := leveldb.OpenFile(dbPath, &opt.Options{ErrorIfMissing: true})
	if err != nil {
		return change, fmt.Errorf("cannot open the state database %s (is the peer still running?): %w", dbPath, err)
	}
	defer db.Close()
	key := StateKey(channel, namespace, CompositeKey("lot", accountID, lotID))
	value, err := db.Get(key, nil)
	if errors.Is(err, leveldb.ErrNotFound) {
		return change, fmt.Errorf("%w: lot ~ %s ~ %s on channel %s, namespace %s", ErrLotNotFound, accountID, lotID, channel, namespace)
	}
	if err != nil {
		return change, err
	}
	updated, previous, err := ReplaceQuantity(value, quantity)
	if err != nil {
		return change, fmt.Errorf("lot ~ %s ~ %s: %w", accountID, lotID, err)
	}
	change.From = previous
	if err := db.Put(key, updated, &opt.WriteOptions{Sync: true}); err != nil {
		return change, err
	}
	return change, nil
}

module github.com/carbon-ets/statedb-tamper

go 1.20

require github.com/syndtr/goleveldb v1.0.1-0.20210305035536-64b5b1c73954

require github.com/golang/snappy v0.0.4 // indirect

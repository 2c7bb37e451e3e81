module kiln/baseline

go 1.26

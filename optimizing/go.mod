module kiln/optimizing

go 1.26

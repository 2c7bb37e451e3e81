module kiln/ir

go 1.26

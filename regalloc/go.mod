module kiln/regalloc

go 1.26

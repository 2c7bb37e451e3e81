module kiln/tools

go 1.26

package jit

import "kiln/ir/vm"

const numExitKinds = int(vm.NumExitKinds)

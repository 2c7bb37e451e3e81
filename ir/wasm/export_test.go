package wasm

// ValidateParallel validates m with its bodies on workers goroutines
// whatever the module's size, for tests outside the package.
func ValidateParallel(m *Module, f Features, workers int) error {
	return forceParallel(f, workers).Validate(m)
}

// SameError is sameError for tests outside the package.
var SameError = sameError

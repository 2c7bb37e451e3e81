package regalloc

import "sync"

// Allocation state is reused across calls. A compiler allocates thousands
// of functions, most of them small (the Go strconv tests: 6500 functions
// averaging 240 instructions in 60 blocks); allocating a dozen dense tables
// afresh for each made the allocator spend more on the heap and the garbage
// collector than on allocating registers. Like regalloc2's Ctx, an
// allocator and its analysis keep every table between calls, and a
// sync.Pool gives each concurrent compiler goroutine its own. Only Output,
// which the caller keeps, is allocated per call.
var allocatorPool = sync.Pool{New: func() any { return new(allocator) }}

// resize returns s with length n, reusing its array when it is large
// enough. The contents are whatever the last user left: callers that read
// before writing must clear or fill.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/4)
	}
	return s[:n]
}

// resizeFill is resize with every element set to v.
func resizeFill[T any](s []T, n int, v T) []T {
	s = resize(s, n)
	for k := range s {
		s[k] = v
	}
	return s
}

// resizeClear is resize with every element zeroed.
func resizeClear[T any](s []T, n int) []T {
	s = resize(s, n)
	clear(s)
	return s
}

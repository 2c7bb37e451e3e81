package wasm

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Options configures Validate and DecodeAndValidate beyond the feature
// set: Options{Features: f}.Validate(m) is Validate(m, f).
type Options struct {
	Features Features

	// Parallelism bounds the goroutines that validate function bodies,
	// the calling one included (0: GOMAXPROCS), as
	// vm.CompileOptions.Parallelism does for compilation. Results and
	// errors do not depend on it.
	Parallelism int

	// minBytes overrides parallelBytesPerWorker, so tests can put small
	// modules through the parallel path.
	minBytes int
}

// Validate is the package-level Validate with o's options.
func (o Options) Validate(m *Module) error {
	mv := moduleValidator{m: m, f: o.Features, workers: o.Parallelism, minBytes: o.minBytes}
	mv.v = &funcValidator{m: m, f: o.Features, funcIdx: -1}
	return mv.validate()
}

// DecodeAndValidate is the package-level DecodeAndValidate with o's
// options.
func (o Options) DecodeAndValidate(b []byte) (*Module, error) {
	return decodeAndValidate(b, o)
}

// parallelBytesPerWorker is how many bytes of function bodies each body
// validator goroutine should have to itself before it is worth starting:
// validation runs at 100-200 MB/s, so that is about 100-300 µs of work
// against a few µs to start a goroutine and warm up its stacks. Modules
// smaller than two of these (every module of the spec test suite) are
// validated on the calling goroutine alone.
const parallelBytesPerWorker = 32 << 10

// bodyChunkMax bounds how many consecutive bodies a worker claims at a
// time. Claims are in index order, which is what lets a failure stop the
// others early while still reporting the lowest failing body (see
// bodiesParallel).
const bodyChunkMax = 32

// bodies validates every function body, on several goroutines when the
// module is large enough. The error is always the one a sequential pass in
// index order would return first.
func (mv *moduleValidator) bodies() error {
	m := mv.m
	workers := mv.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers > 1 && len(m.Code) > 1 {
		total := 0
		for i := range m.Code {
			total += len(m.Code[i].Expr)
		}
		minBytes := parallelBytesPerWorker
		if mv.minBytes != 0 {
			minBytes = mv.minBytes
		}
		workers = min(workers, len(m.Code), max(1, total/minBytes))
	}
	if workers <= 1 || len(m.Code) <= 1 {
		for i := range m.Code {
			if err := mv.body(mv.v, i); err != nil {
				return err
			}
		}
		return nil
	}
	return mv.bodiesParallel(workers)
}

// body validates body i (0 is the code section's first) with v.
func (mv *moduleValidator) body(v *funcValidator, i int) error {
	m := mv.m
	return v.validateFunc(m.NumImportedFuncs+i, m.funcTypeAt(m.Funcs[i]), &m.Code[i])
}

// bodiesParallel validates the bodies on workers goroutines (the calling
// one is one of them), each with its own funcValidator: the module is only
// read once its module-level parts have been validated (canonical types
// and declared references are computed before), so the validators share
// nothing else.
//
// Workers claim runs of consecutive bodies from an atomic cursor, so runs
// are handed out in increasing index order. When a body fails, bodies
// after it need not be validated: a claim starting past the lowest failure
// seen so far is dropped. Every body before that failure was claimed
// earlier and is still validated to the end, so the error returned is the
// lowest-index one, exactly what the sequential loop returns.
func (mv *moduleValidator) bodiesParallel(workers int) error {
	m := mv.m
	n := len(m.Code)
	chunk := min(bodyChunkMax, max(1, n/(workers*16)))

	var (
		next    atomic.Int64
		lowest  atomic.Int64 // lowest failing body so far; n when none
		mu      sync.Mutex
		errBody = n
		err     error
		panicV  any
		wg      sync.WaitGroup
	)
	lowest.Store(int64(n))
	fail := func(i int, e error) {
		mu.Lock()
		if i < errBody {
			errBody, err = i, e
		}
		mu.Unlock()
		for {
			cur := lowest.Load()
			if int64(i) >= cur || lowest.CompareAndSwap(cur, int64(i)) {
				return
			}
		}
	}
	work := func(v *funcValidator) {
		defer func() {
			// A panic is a bug, but it must reach the caller's goroutine
			// as it would without the workers, not kill the process.
			if r := recover(); r != nil {
				mu.Lock()
				if panicV == nil {
					panicV = r
				}
				mu.Unlock()
				lowest.Store(-1)
			}
		}()
		for {
			lo := int(next.Add(int64(chunk))) - chunk
			if lo >= n || int64(lo) > lowest.Load() {
				return
			}
			for i := lo; i < min(lo+chunk, n); i++ {
				if e := mv.body(v, i); e != nil {
					fail(i, e)
					return // every later claim lies past i
				}
			}
		}
	}
	for w := 1; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(&funcValidator{m: m, f: mv.f, refs: mv.v.refs, funcIdx: -1})
		}()
	}
	work(mv.v)
	wg.Wait()
	if panicV != nil {
		panic(panicV)
	}
	return err
}

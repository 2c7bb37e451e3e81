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
	return newModuleValidator(m, o).validate()
}

// DecodeAndValidate is the package-level DecodeAndValidate with o's
// options.
func (o Options) DecodeAndValidate(b []byte) (*Module, error) {
	return decodeAndValidate(b, o)
}

// parallelBytesPerWorker is how many bytes of function bodies each body
// validator goroutine should have to itself before it is worth starting:
// validation runs at about 200 MB/s, so that is about 150 µs of work
// against a few µs to start a goroutine and warm up its stacks. Modules
// smaller than two of these (the spec test suite's, for one) are
// validated on the calling goroutine alone.
const parallelBytesPerWorker = 32 << 10

// bodyChunkMax bounds how many consecutive bodies a worker claims at a
// time. Claims are in index order, which is what lets a failure stop the
// others early while still reporting the lowest failing body (see
// bodyRun).
const bodyChunkMax = 32

// bodies validates every function body, on several goroutines when the
// module is large enough. The error is always the one a sequential pass in
// index order would return first.
func (mv *moduleValidator) bodies() error {
	if workers := mv.bodyWorkers(); workers > 1 {
		return mv.startBodies(workers, workers-1).finish()
	}
	for i := range mv.m.Code {
		if err := mv.body(mv.v, i); err != nil {
			return err
		}
	}
	return nil
}

// bodyWorkers returns how many goroutines should validate the bodies:
// Options.Parallelism (or GOMAXPROCS), fewer for a small module.
func (mv *moduleValidator) bodyWorkers() int {
	m := mv.m
	workers := mv.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers <= 1 || len(m.Code) <= 1 {
		return 1
	}
	total := 0
	for i := range m.Code {
		total += len(m.Code[i].Expr)
	}
	minBytes := parallelBytesPerWorker
	if mv.minBytes != 0 {
		minBytes = mv.minBytes
	}
	return min(workers, len(m.Code), max(1, total/minBytes))
}

// body validates body i (0 is the code section's first) with v.
func (mv *moduleValidator) body(v *funcValidator, i int) error {
	m := mv.m
	return v.validateFunc(m.NumImportedFuncs+i, m.funcTypeAt(m.Funcs[i]), &m.Code[i])
}

// bodyRun is a validation of the bodies on several goroutines, each with
// its own funcValidator: once the module-level rules before the code
// section have passed (canonical types and declared references are
// computed then), the module is only read, so they share nothing else.
//
// Workers claim runs of consecutive bodies from an atomic cursor, so runs
// are handed out in increasing index order. When a body fails, bodies
// after it need not be validated: a claim starting past the lowest failure
// seen so far is dropped. Every body before that failure was claimed
// earlier and is still validated to the end, so the error returned is the
// lowest-index one, exactly what the sequential loop returns.
type bodyRun struct {
	mv    *moduleValidator
	n     int // bodies
	chunk int // bodies per claim

	next   atomic.Int64
	lowest atomic.Int64 // lowest failing body so far; n when none, -1 to stop

	mu      sync.Mutex
	errBody int
	err     error
	panicV  any

	wg sync.WaitGroup
}

// startBodies starts background goroutines validating the bodies, for
// a run that will have workers goroutines once the caller joins it in
// finish.
func (mv *moduleValidator) startBodies(workers, background int) *bodyRun {
	n := len(mv.m.Code)
	br := &bodyRun{mv: mv, n: n, errBody: n, chunk: min(bodyChunkMax, max(1, n/(workers*16)))}
	br.lowest.Store(int64(n))
	for range background {
		br.wg.Add(1)
		go func() {
			defer br.wg.Done()
			br.work(&funcValidator{m: mv.m, f: mv.f, refs: mv.v.refs, funcIdx: -1})
		}()
	}
	return br
}

// finish joins the run on the calling goroutine until no bodies are left,
// waits for the others and returns the lowest-index body's error.
func (br *bodyRun) finish() error {
	br.work(br.mv.v)
	br.wg.Wait()
	if br.panicV != nil {
		panic(br.panicV)
	}
	return br.err
}

// cancel stops the run (something before the bodies failed) and waits
// for its goroutines, which may still be in a body.
func (br *bodyRun) cancel() {
	br.lowest.Store(-1)
	br.wg.Wait()
	if br.panicV != nil {
		panic(br.panicV)
	}
}

func (br *bodyRun) fail(i int, err error) {
	br.mu.Lock()
	if i < br.errBody {
		br.errBody, br.err = i, err
	}
	br.mu.Unlock()
	for {
		cur := br.lowest.Load()
		if int64(i) >= cur || br.lowest.CompareAndSwap(cur, int64(i)) {
			return
		}
	}
}

func (br *bodyRun) work(v *funcValidator) {
	defer func() {
		// A panic is a bug, but it must reach the caller's goroutine as
		// it would without the workers, not kill the process.
		if r := recover(); r != nil {
			br.mu.Lock()
			if br.panicV == nil {
				br.panicV = r
			}
			br.mu.Unlock()
			br.lowest.Store(-1)
		}
	}()
	for {
		lo := int(br.next.Add(int64(br.chunk))) - br.chunk
		if lo >= br.n || int64(lo) > br.lowest.Load() {
			return
		}
		for i := lo; i < min(lo+br.chunk, br.n); i++ {
			if err := br.mv.body(v, i); err != nil {
				br.fail(i, err)
				return // every later claim lies past i
			}
		}
	}
}

package store

import "fmt"

// Exception is a thrown wasm exception: its tag and payload words (the
// tag type's parameters, a v128 taking two). It is an error: uncaught, it
// comes back from Store.Call as *Exception, and a tier that calls a
// function through Store.Call treats such an error as a throw at the call
// site. An exnref value is a store handle for an Exception (ExnRef).
type Exception struct {
	Tag     *Tag
	Payload []uint64
}

func (e *Exception) Error() string {
	return fmt.Sprintf("uncaught exception (tag %s, %d payload words)", e.Tag.Type, len(e.Payload))
}

// UncaughtException marks the error as an exception rather than a trap
// (the spec-test runner's assert_exception checks for it).
func (e *Exception) UncaughtException() {}

// ExnRef returns the exnref handle for e, allocating one on first use.
func (s *Store) ExnRef(e *Exception) Ref {
	if r, ok := s.exnRefs[e]; ok {
		return r
	}
	if s.exnRefs == nil {
		s.exnRefs = map[*Exception]Ref{}
	}
	s.exns = append(s.exns, e)
	r := Ref(len(s.exns))
	s.exnRefs[e] = r
	return r
}

// Exn returns the exception an exnref names, or nil for null or an
// unknown handle.
func (s *Store) Exn(r Ref) *Exception {
	if r == 0 || r > uint64(len(s.exns)) {
		return nil
	}
	return s.exns[r-1]
}

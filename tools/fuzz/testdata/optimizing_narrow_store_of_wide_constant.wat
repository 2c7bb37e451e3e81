;; Divergence found by FuzzDifferential (fixed): the optimizing tier failed
;; to compile a narrow store of a constant wider than the store
;; ("amd64: mov.8 ..., $65536: immediate 65536 does not fit in 8 bits").
;; Tier at fault: optimizing (isa/amd64 store-immediate rule kept the whole
;; constant instead of its low bits).
(module
  (memory 1)
  (export "mem" (memory 0))
  (func (export "f")
    (i32.store8 (i32.const 0) (i32.const 65536))
    (i32.store8 (i32.const 1) (i32.const 0x1ff))
    (i32.store16 (i32.const 2) (i32.const 0x12345678))
    (i64.store8 (i32.const 4) (i64.const 0x1234))
    (i64.store16 (i32.const 6) (i64.const -0x12345678))
    (i64.store32 (i32.const 8) (i64.const 0x123456789))
    (i64.store32 (i32.const 12) (i64.const -1))
    (i32.store8 (i32.const 16) (i32.const -129))))

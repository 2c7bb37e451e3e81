;; echo.wat — prints its arguments separated by spaces, like echo(1), and
;; exits with status 1 when it has none (proc_exit).
;;
;;   go run ./tools/cmd/kiln run tools/examples/echo.wat hello kiln
(module
  (import "wasi_snapshot_preview1" "args_sizes_get"
    (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get"
    (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  ;; Layout: 0..8 argc and buffer size, 16..24 an iovec, 32..36 nwritten,
  ;; 40.. the separator bytes, 1024.. argv pointers, 8192.. argv strings.
  (data (i32.const 40) " \n")

  ;; write(ptr, len) writes len bytes at ptr to stdout.
  (func $write (param $ptr i32) (param $len i32)
    (i32.store (i32.const 16) (local.get $ptr))
    (i32.store (i32.const 20) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 32))))

  ;; strlen of a NUL-terminated string.
  (func $strlen (param $p i32) (result i32)
    (local $n i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $n))

  (func $main (export "_start")
    (local $argc i32) (local $i i32) (local $arg i32)
    (drop (call $args_sizes_get (i32.const 0) (i32.const 4)))
    (local.set $argc (i32.load (i32.const 0)))
    (if (i32.le_u (local.get $argc) (i32.const 1))
      (then (call $proc_exit (i32.const 1))))
    (drop (call $args_get (i32.const 1024) (i32.const 8192)))
    (local.set $i (i32.const 1))
    (loop $each
      (local.set $arg (i32.load (i32.add (i32.const 1024) (i32.shl (local.get $i) (i32.const 2)))))
      (call $write (local.get $arg) (call $strlen (local.get $arg)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      ;; a space between arguments, a newline after the last
      (if (i32.lt_u (local.get $i) (local.get $argc))
        (then (call $write (i32.const 40) (i32.const 1))
              (br $each))))
    (call $write (i32.const 41) (i32.const 1))))

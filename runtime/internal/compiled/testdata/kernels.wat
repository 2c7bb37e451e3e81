(module
  (memory 16)
  (func $fib (export "fib") (param i32) (result i32)
    local.get 0 i32.const 2 i32.lt_u
    if (result i32) local.get 0
    else local.get 0 i32.const 1 i32.sub call $fib local.get 0 i32.const 2 i32.sub call $fib i32.add end)
  (func (export "sum") (param i64) (result i64) (local i64 i64)
    loop
      local.get 2 local.get 1 i64.add local.set 2
      local.get 1 i64.const 1 i64.add local.tee 1
      local.get 0 i64.lt_u br_if 0
    end
    local.get 2)
  ;; sieve of Eratosthenes over n bytes of memory: count primes < n
  (func (export "sieve") (param i32) (result i32) (local i32 i32 i32)
    ;; clear
    i32.const 0 i32.const 0 local.get 0 memory.fill
    i32.const 2 local.set 1
    block loop
      local.get 1 local.get 0 i32.ge_u br_if 1
      local.get 1 i32.load8_u i32.eqz
      if
        local.get 3 i32.const 1 i32.add local.set 3
        local.get 1 local.get 1 i32.mul local.set 2
        block loop
          local.get 2 local.get 0 i32.ge_u br_if 1
          local.get 2 i32.const 1 i32.store8
          local.get 2 local.get 1 i32.add local.set 2
          br 0
        end end
      end
      local.get 1 i32.const 1 i32.add local.set 1
      br 0
    end end
    local.get 3)
  (func (export "fmix") (param i32) (result f64) (local f64 i32)
    loop
      local.get 1 local.get 2 f64.convert_i32_s f64.const 0.5 f64.mul f64.sqrt f64.add local.set 1
      local.get 2 i32.const 1 i32.add local.tee 2 local.get 0 i32.lt_s br_if 0
    end
    local.get 1)
)

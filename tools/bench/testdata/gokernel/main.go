// Command gokernel runs one compute kernel written in plain Go, for the
// benchmarks of Go wasip1 programs (and natively, for reference):
//
//	gokernel NAME N REPS
//
// runs kernel NAME of size N REPS times and prints "CHECKSUM NANOSECONDS":
// the kernel's result and the time of the REPS runs as the program's own
// clock measured them, so start-up is not counted. There is no untimed
// warm-up run: wasm engines here compile ahead of the call.
package main

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"sort"
	"strconv"
	"time"
)

var kernels = map[string]func(n int) uint64{
	"sha256":  sha,
	"sort":    sortInts,
	"strconv": formatParse,
	"map":     mapChurn,
	"json":    jsonRoundTrip,
}

// sha hashes a 64 KiB buffer n times, feeding each digest back in.
func sha(n int) uint64 {
	buf := make([]byte, 64<<10)
	for i := range buf {
		buf[i] = byte(i * 7)
	}
	var sum [32]byte
	for range n {
		sum = sha256.Sum256(buf)
		copy(buf, sum[:])
	}
	return binary.LittleEndian.Uint64(sum[:])
}

// sortInts sorts n pseudo-random ints with sort.Ints.
func sortInts(n int) uint64 {
	r := rand.New(rand.NewSource(1))
	a := make([]int, n)
	for i := range a {
		a[i] = r.Intn(1 << 30)
	}
	sort.Ints(a)
	var h uint64
	for _, v := range a {
		h = h*31 + uint64(v)
	}
	return h
}

// formatParse formats n floats shortest-round-trip and parses them back.
func formatParse(n int) uint64 {
	var h uint64
	buf := make([]byte, 0, 32)
	for i := range n {
		f := float64(i)*1.000123 + 1/float64(i+1)
		buf = strconv.AppendFloat(buf[:0], f, 'g', -1, 64)
		g, err := strconv.ParseFloat(string(buf), 64)
		if err != nil || g != f {
			panic(fmt.Sprint("round trip of ", f, " gave ", g, err))
		}
		h = h*31 + uint64(len(buf))
	}
	return h
}

// mapChurn inserts, looks up and deletes n keys in a map.
func mapChurn(n int) uint64 {
	m := make(map[uint64]uint64)
	var h uint64
	for i := range uint64(n) {
		m[i*2654435761] = i
	}
	for i := range uint64(2 * n) {
		h += m[i*2654435761]
	}
	for i := range uint64(n / 2) {
		delete(m, i*2654435761)
	}
	return h + uint64(len(m))
}

type record struct {
	ID    int               `json:"id"`
	Name  string            `json:"name"`
	Score float64           `json:"score"`
	Tags  []string          `json:"tags"`
	Attrs map[string]string `json:"attrs"`
}

// jsonRoundTrip marshals and unmarshals n small records (reflection,
// allocation, string handling).
func jsonRoundTrip(n int) uint64 {
	recs := make([]record, n)
	for i := range recs {
		recs[i] = record{ID: i, Name: "item" + strconv.Itoa(i), Score: float64(i) / 3,
			Tags: []string{"a", "bb", "ccc"}, Attrs: map[string]string{"k": strconv.Itoa(i * i)}}
	}
	data, err := json.Marshal(recs)
	if err != nil {
		panic(err)
	}
	var back []record
	if err := json.Unmarshal(data, &back); err != nil || len(back) != n {
		panic(fmt.Sprint("unmarshal: ", err))
	}
	return uint64(len(data))*31 + uint64(back[n-1].ID)
}

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: gokernel NAME N REPS")
		os.Exit(2)
	}
	k := kernels[os.Args[1]]
	n, err1 := strconv.Atoi(os.Args[2])
	reps, err2 := strconv.Atoi(os.Args[3])
	if k == nil || err1 != nil || err2 != nil || reps < 1 {
		fmt.Fprintln(os.Stderr, "usage: gokernel NAME N REPS")
		os.Exit(2)
	}
	start := time.Now()
	want := k(n)
	for range reps - 1 {
		if got := k(n); got != want {
			fmt.Fprintln(os.Stderr, "checksum changed:", want, got)
			os.Exit(1)
		}
	}
	fmt.Println(want, time.Since(start).Nanoseconds())
}

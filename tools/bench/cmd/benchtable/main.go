// Command benchtable turns the output of the tools/bench benchmarks into
// one table per benchmark group: the median time (or throughput) of every
// engine, and the ratios of kiln's tiers to their peers measured in the
// same run, with geometric means.
//
//	go test -bench . -count 5 ./tools/bench | tee bench.txt
//	go run ./tools/bench/cmd/benchtable [-metric=cpu|wall] < bench.txt
//
// A benchmark's name is GROUP/CASE.../ENGINE[-PROCS]; the engine is the
// last element, and -PROCS (from go test -cpu) stays part of the case, so
// single- and multi-core compiles are separate rows. Repeated runs
// (-count) of one benchmark are reduced to their median.
//
// Metrics, by preference: kernel-ns/op (the Go kernels' own clock), then
// cpu-ns/op (CPU time; the steadier number on a shared machine) unless
// -metric=wall, then ns/op; for compiles cpu-MB/s, then MB/s.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// ratios lists the comparisons printed, kiln's tier first: for times a
// ratio below 1 means kiln is faster, for throughputs above 1.
var ratios = [][2]string{
	{"kiln-optimizing", "native-gcc"},
	{"kiln-optimizing", "native-go"},
	{"kiln-optimizing", "wazero-compiler"},
	{"kiln-optimizing", "node-turbofan"},
	{"kiln-optimizing", "kiln-baseline"},
	{"kiln-baseline", "wazero-compiler"},
	{"kiln-baseline", "node-liftoff"},
	{"kiln-interp", "wazero-interp"},
	// BenchmarkChecks: all checks, then the preemption check alone.
	{"kiln-baseline", "kiln-baseline-nochecks"},
	{"kiln-baseline-nointerrupt", "kiln-baseline-nochecks"},
	{"kiln-optimizing", "kiln-optimizing-nochecks"},
	{"kiln-optimizing-nointerrupt", "kiln-optimizing-nochecks"},
}

// result is one benchmark's samples per metric unit.
type result map[string][]float64

type group struct {
	name    string
	cases   []string // in first-seen order
	engines []string
	results map[[2]string]result // (case, engine)
}

var line = regexp.MustCompile(`^Benchmark(\S+)\s+\d+\s+(.*)$`)

func main() {
	metric := flag.String("metric", "cpu", "cpu: prefer CPU-time metrics; wall: wall-clock only")
	flag.Parse()
	groups, header := parse(os.Stdin)
	for _, h := range header {
		fmt.Println(h)
	}
	for _, g := range groups {
		print(os.Stdout, g, *metric)
	}
}

func parse(r io.Reader) ([]*group, []string) {
	var groups []*group
	byName := map[string]*group{}
	var header []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		text := sc.Text()
		for _, p := range []string{"goos:", "goarch:", "cpu:"} {
			if strings.HasPrefix(text, p) && !contains(header, text) {
				header = append(header, text)
			}
		}
		m := line.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		name := m[1]
		procs := ""
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name, procs = name[:i], name[i:]
			}
		}
		parts := strings.Split(name, "/")
		if len(parts) < 2 {
			continue // not GROUP[/CASE...]/ENGINE
		}
		gname, engine := parts[0], parts[len(parts)-1]
		cas := strings.Join(parts[1:len(parts)-1], "/") + "\x00" + procs
		g := byName[gname]
		if g == nil {
			g = &group{name: gname, results: map[[2]string]result{}}
			byName[gname] = g
			groups = append(groups, g)
		}
		if !contains(g.cases, cas) {
			g.cases = append(g.cases, cas)
		}
		if !contains(g.engines, engine) {
			g.engines = append(g.engines, engine)
		}
		key := [2]string{cas, engine}
		res := g.results[key]
		if res == nil {
			res = result{}
			g.results[key] = res
		}
		f := strings.Fields(m[2])
		for i := 0; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err == nil {
				res[f[i+1]] = append(res[f[i+1]], v)
			}
		}
	}
	return groups, header
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// units lists the metrics to show for a group, most preferred first;
// each result shows the first one it has. CPU time comes first when
// asked for: on a shared machine it is the steadier number (for the Go
// kernels it covers the whole program, whose start-up is small next to
// the kernel; kernel-ns/op is the guest's wall clock around the kernel).
func units(g *group, metric string) (prefs []string, throughput bool) {
	if has(g, "MB/s") {
		if metric == "wall" {
			return []string{"MB/s"}, true
		}
		return []string{"cpu-MB/s", "MB/s"}, true
	}
	if metric == "wall" {
		return []string{"kernel-ns/op", "ns/op"}, false
	}
	return []string{"cpu-ns/op", "kernel-ns/op", "ns/op"}, false
}

func has(g *group, unit string) bool {
	for _, r := range g.results {
		if _, ok := r[unit]; !ok {
			return false
		}
	}
	return true
}

// label formats a case for display: the procs suffix becomes "(N cpu)"
// when the group ran at more than one GOMAXPROCS.
func label(g *group, cas string) string {
	name, procs, _ := strings.Cut(cas, "\x00")
	mixed := false
	for _, c := range g.cases {
		if _, p, _ := strings.Cut(c, "\x00"); p != procs {
			mixed = true
		}
	}
	if !mixed {
		return name
	}
	n := "1"
	if procs != "" {
		n = procs[1:]
	}
	if name == "" {
		return n + " cpu"
	}
	return name + " (" + n + " cpu)"
}

func print(w io.Writer, g *group, metric string) {
	prefs, throughput := units(g, metric)
	var shown []string // the units some result of the group showed
	value := func(cas, engine string) (float64, bool) {
		r, ok := g.results[[2]string{cas, engine}]
		if !ok {
			return 0, false
		}
		for _, u := range prefs {
			if len(r[u]) > 0 {
				if !contains(shown, u) {
					shown = append(shown, u)
				}
				return median(r[u]), true
			}
		}
		return 0, false
	}
	for _, c := range g.cases {
		for _, e := range g.engines {
			value(c, e)
		}
	}
	fmt.Fprintf(w, "\n## %s (median %s", g.name, strings.Join(shown, ", else "))
	if !throughput {
		fmt.Fprint(w, "; shown in ms")
	}
	fmt.Fprintln(w, ")")
	fmt.Fprintf(w, "| %-16s |", "case")
	for _, e := range g.engines {
		fmt.Fprintf(w, " %s |", e)
	}
	fmt.Fprintln(w)
	fmt.Fprint(w, "|---|", strings.Repeat("---:|", len(g.engines)), "\n")
	for _, c := range g.cases {
		fmt.Fprintf(w, "| %-16s |", label(g, c))
		for _, e := range g.engines {
			v, ok := value(c, e)
			switch {
			case !ok:
				fmt.Fprint(w, " - |")
			case throughput:
				fmt.Fprintf(w, " %.2f |", v)
			default:
				fmt.Fprintf(w, " %s |", ms(v))
			}
		}
		fmt.Fprintln(w)
	}

	// Ratios of kiln's tiers to their peers, where both ran.
	var cols [][2]string
	for _, r := range ratios {
		if contains(g.engines, r[0]) && contains(g.engines, r[1]) {
			cols = append(cols, r)
		}
	}
	if len(cols) == 0 {
		return
	}
	if throughput {
		fmt.Fprintln(w, "\nspeed ratio A/B (throughput of A over B; above 1: A is faster)")
	} else {
		fmt.Fprintln(w, "\ntime ratio A/B (below 1: A is faster)")
	}
	fmt.Fprintf(w, "| %-16s |", "case")
	for _, r := range cols {
		fmt.Fprintf(w, " %s / %s |", short(r[0]), short(r[1]))
	}
	fmt.Fprintln(w)
	fmt.Fprint(w, "|---|", strings.Repeat("---:|", len(cols)), "\n")
	logs := make([][]float64, len(cols))
	for _, c := range g.cases {
		fmt.Fprintf(w, "| %-16s |", label(g, c))
		for i, r := range cols {
			a, okA := value(c, r[0])
			b, okB := value(c, r[1])
			if !okA || !okB || a == 0 || b == 0 {
				fmt.Fprint(w, " - |")
				continue
			}
			fmt.Fprintf(w, " %.2f |", a/b)
			logs[i] = append(logs[i], math.Log(a/b))
		}
		fmt.Fprintln(w)
	}
	if len(g.cases) > 1 {
		fmt.Fprintf(w, "| %-16s |", "geomean")
		for i := range cols {
			if len(logs[i]) == 0 {
				fmt.Fprint(w, " - |")
				continue
			}
			sum := 0.0
			for _, l := range logs[i] {
				sum += l
			}
			fmt.Fprintf(w, " %.2f |", math.Exp(sum/float64(len(logs[i]))))
		}
		fmt.Fprintln(w)
	}
}

func ms(ns float64) string {
	v := ns / 1e6
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	default:
		return fmt.Sprintf("%.2f", v)
	}
}

// short abbreviates an engine name for a ratio column header.
func short(e string) string {
	return strings.NewReplacer("kiln-", "", "wazero-", "wz-", "optimizing", "opt", "compiler", "comp", "baseline", "base",
		"-nointerrupt", "-noint").Replace(e)
}

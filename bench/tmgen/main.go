// Command tmgen writes a large RU–EN TMX (or TSV) for tolmach's TM
// benchmarks, generated from the real FLORES-200, TICO-19 and UD PUD
// pairs of shared/data with variations, so that nothing big is ever
// committed; with -queries it also writes perturbed queries, one per
// line, for batch `tolmach tm match`.
//
//	go run ./bench/tmgen -n 1000000 -o /tmp/tm1m.tmx -queries /tmp/q1000.txt -nq 1000
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"

	"tolmach/tm"
)

func main() {
	n := flag.Int("n", 100000, "units to write")
	out := flag.String("o", "", "output TMX (or .tsv) file")
	data := flag.String("data", "/work/shared/data", "the shared/data folder")
	queries := flag.String("queries", "", "also write perturbed queries to this file")
	nq := flag.Int("nq", 1000, "queries to write")
	base := flag.Int("base", 0, "use only the first BASE real pairs (0: all)")
	qlang := flag.String("qlang", "", "queries only in this language (ru or en); default either")
	flag.Parse()
	pairs, err := realPairs(*data)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tmgen:", err)
		os.Exit(2)
	}
	if *base > 0 && *base < len(pairs) {
		pairs = pairs[:*base]
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tmgen:", err)
		os.Exit(2)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	if strings.HasSuffix(*out, ".tsv") {
		fmt.Fprintln(bw, "ru\ten\tid")
		Generate(pairs, *n, func(u *tm.Unit) {
			fmt.Fprintf(bw, "%s\t%s\t%s\n", u.Segments[0].Text, u.Segments[1].Text, u.ID)
		})
	} else {
		w := tm.NewTMXWriter(bw, "ru")
		Generate(pairs, *n, func(u *tm.Unit) { w.Write(u) })
		w.Close()
	}
	bw.Flush()
	f.Close()
	if *queries != "" {
		q, _ := os.Create(*queries)
		qw := bufio.NewWriter(q)
		r := rand.New(rand.NewSource(7))
		for i := 0; i < *nq; i++ {
			p := pairs[r.Intn(len(pairs))]
			side := r.Intn(2)
			switch *qlang {
			case "ru":
				side = 0
			case "en":
				side = 1
			}
			fmt.Fprintln(qw, Perturb(r, p[side]))
		}
		qw.Flush()
		q.Close()
	}
}

// Generate calls put for n units: the real pairs first, then variants
// of them (a word dropped, two words swapped, a number added) so that
// every unit has its own matching keys.
func Generate(pairs [][2]string, n int, put func(*tm.Unit)) {
	for k := 0; k < n; k++ {
		p := pairs[k%len(pairs)]
		v := k / len(pairs)
		ru, en := p[0], p[1]
		if v > 0 {
			r := rand.New(rand.NewSource(int64(k)))
			ru = vary(r, ru, v)
			en = vary(r, en, v)
		}
		u := tm.Unit{ID: fmt.Sprintf("g%d", k), Segments: []tm.Segment{{Lang: "ru", Text: ru}, {Lang: "en", Text: en}}}
		put(&u)
	}
}

func vary(r *rand.Rand, s string, v int) string {
	w := strings.Fields(s)
	if len(w) > 3 {
		switch r.Intn(3) {
		case 0:
			i := r.Intn(len(w))
			w = append(w[:i], w[i+1:]...)
		case 1:
			i := r.Intn(len(w) - 1)
			w[i], w[i+1] = w[i+1], w[i]
		}
	}
	return strings.Join(w, " ") + fmt.Sprintf(" (%d)", v)
}

// Perturb changes one word: deleted, or two letters swapped.
func Perturb(r *rand.Rand, s string) string {
	w := strings.Fields(s)
	if len(w) < 4 {
		return s
	}
	i := r.Intn(len(w))
	if r.Intn(2) == 0 {
		w = append(w[:i], w[i+1:]...)
	} else if rs := []rune(w[i]); len(rs) > 3 {
		rs[1], rs[2] = rs[2], rs[1]
		w[i] = string(rs)
	}
	return strings.Join(w, " ")
}

func realPairs(d string) ([][2]string, error) {
	var pairs [][2]string
	read := func(p string) ([]string, error) {
		b, err := os.ReadFile(filepath.Join(d, p))
		if err != nil {
			return nil, err
		}
		return strings.Split(strings.TrimRight(string(b), "\n"), "\n"), nil
	}
	for _, pp := range [][2]string{{"flores200_ru_en/rus_Cyrl.devtest", "flores200_ru_en/eng_Latn.devtest"}, {"tico19_ru_en/tico19-test.rus", "tico19_ru_en/tico19-test.eng"}} {
		ru, err := read(pp[0])
		if err != nil {
			return nil, err
		}
		en, err := read(pp[1])
		if err != nil {
			return nil, err
		}
		for i := range ru {
			if i < len(en) && strings.TrimSpace(ru[i]) != "" {
				pairs = append(pairs, [2]string{strings.TrimSpace(ru[i]), strings.TrimSpace(en[i])})
			}
		}
	}
	lines, err := read("ud_pud_ru_en/pud.ru-en.tsv")
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		if f := strings.Split(l, "\t"); len(f) == 3 {
			pairs = append(pairs, [2]string{f[1], f[2]})
		}
	}
	return pairs, nil
}

// Command aligngen writes a long Russian–English article pair for the
// alignment benchmark (bench/align.sh): real parallel sentences from
// FLORES-200, UD PUD and TICO-19 in shared/data, taken in order and
// cycled to the length asked for, grouped into paragraphs of one to six
// sentences, with the English side damaged the way translations differ
// from originals (5% of sentences left out, 5% merged with the next, 3% of
// paragraphs dropped). The random seed is fixed, so runs are comparable.
//
// usage: aligngen -data ../shared/data -n 10000 -o DIR
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	data := flag.String("data", "../shared/data", "the shared/data directory")
	n := flag.Int("n", 10000, "sentences on the Russian side")
	out := flag.String("o", ".", "directory for pair.ru.txt and pair.en.txt")
	flag.Parse()
	if err := run(*data, *n, *out); err != nil {
		fmt.Fprintln(os.Stderr, "aligngen:", err)
		os.Exit(2)
	}
}

func lines(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n"), nil
}

func run(data string, n int, out string) error {
	var ru, en []string
	for _, c := range [][2]string{
		{"flores200_ru_en/rus_Cyrl.devtest", "flores200_ru_en/eng_Latn.devtest"},
		{"ud_pud_ru_en/pud.ru.txt", "ud_pud_ru_en/pud.en.txt"},
		{"tico19_ru_en/tico19-test.rus", "tico19_ru_en/tico19-test.eng"},
	} {
		r, err := lines(filepath.Join(data, c[0]))
		if err != nil {
			return err
		}
		e, err := lines(filepath.Join(data, c[1]))
		if err != nil {
			return err
		}
		if len(r) != len(e) {
			return fmt.Errorf("%s: %d Russian and %d English lines", c[0], len(r), len(e))
		}
		ru, en = append(ru, r...), append(en, e...)
	}
	rng := rand.New(rand.NewPCG(1, 2026))
	fr, err := os.Create(filepath.Join(out, "pair.ru.txt"))
	if err != nil {
		return err
	}
	fe, err := os.Create(filepath.Join(out, "pair.en.txt"))
	if err != nil {
		return err
	}
	wr, we := bufio.NewWriter(fr), bufio.NewWriter(fe)
	for i := 0; i < n; {
		size := min(1+rng.IntN(6), n-i)
		var rp, ep []string
		for k := 0; k < size; k++ {
			s := (i + k) % len(ru)
			rp = append(rp, ru[s])
			switch r := rng.Float64(); {
			case r < 0.05:
			case r < 0.10 && k+1 < size:
				ep = append(ep, en[s]+" "+en[(s+1)%len(en)])
				rp = append(rp, ru[(s+1)%len(ru)])
				k++
			default:
				ep = append(ep, en[s])
			}
		}
		i += len(rp)
		fmt.Fprintf(wr, "%s\n\n", strings.Join(rp, " "))
		if len(ep) > 0 && rng.Float64() >= 0.03 {
			fmt.Fprintf(we, "%s\n\n", strings.Join(ep, " "))
		}
	}
	if err := wr.Flush(); err != nil {
		return err
	}
	if err := we.Flush(); err != nil {
		return err
	}
	if err := fr.Close(); err != nil {
		return err
	}
	return fe.Close()
}

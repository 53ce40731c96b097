package tm

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"tolmach/internal/shareddata"
)

// sharedData returns the third-party test data folder, or skips t.
func sharedData(t testing.TB) string {
	t.Helper()
	return shareddata.Dir(t)
}

// realPairs returns the RU–EN sentence pairs of FLORES-200, TICO-19 and
// UD PUD, in that order.
func realPairs(t testing.TB) [][2]string {
	t.Helper()
	d := sharedData(t)
	var pairs [][2]string
	parallel := func(ru, en string) {
		r, err1 := readLines(filepath.Join(d, ru))
		e, err2 := readLines(filepath.Join(d, en))
		if err1 != nil || err2 != nil || len(r) != len(e) {
			t.Skipf("parallel files %s, %s unreadable or unequal", ru, en)
		}
		for i := range r {
			if strings.TrimSpace(r[i]) != "" && strings.TrimSpace(e[i]) != "" {
				pairs = append(pairs, [2]string{r[i], e[i]})
			}
		}
	}
	parallel("flores200_ru_en/rus_Cyrl.devtest", "flores200_ru_en/eng_Latn.devtest")
	parallel("tico19_ru_en/tico19-test.rus", "tico19_ru_en/tico19-test.eng")
	lines, err := readLines(filepath.Join(d, "ud_pud_ru_en/pud.ru-en.tsv"))
	if err != nil {
		t.Skip(err)
	}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) == 3 {
			pairs = append(pairs, [2]string{f[1], f[2]})
		}
	}
	return pairs
}

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		lines = append(lines, strings.TrimSuffix(sc.Text(), "\r"))
	}
	return lines, sc.Err()
}

func pairUnit(id, ru, en string) Unit {
	return Unit{ID: id, Segments: []Segment{{Lang: "ru", Text: ru}, {Lang: "en", Text: en}}}
}

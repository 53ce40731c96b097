package shareddata

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// SegmentPair is one Russian–English pair of sentences (or segments) of
// the shared parallel text, with the document it came from: a WMT file,
// a FLORES article's URL, a PUD document, the TICO-19 file.
type SegmentPair struct {
	RU, EN, File string
}

// ParallelPairs reads every sentence-aligned Russian–English pair of the
// shared data in dir: the WMT news documents of both directions (their
// 1:1 segment files DOCID.tsv), FLORES-200 devtest, TICO-19 test and the
// PUD treebank's pairs. The order is fixed (files sorted by name), so a
// TM built from it is the same on every machine.
func ParallelPairs(dir string) ([]SegmentPair, error) {
	var out []SegmentPair
	for _, d := range []string{"ru-en", "en-ru"} {
		files, err := filepath.Glob(filepath.Join(dir, "wmt_news_ru_en", d, "*.tsv"))
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		for _, f := range files {
			rows, err := readRows(f)
			if err != nil {
				return nil, err
			}
			for k, r := range rows {
				if k == 0 || len(r) < 4 {
					continue // the header: seg, para, ru, en
				}
				out = append(out, SegmentPair{RU: unescapeTab(r[2]), EN: unescapeTab(r[3]), File: f})
			}
		}
	}
	// FLORES sentences come from articles whose URLs its metadata lists
	// line by line: the URL is the document. TICO-19 names none.
	flores, err := readRows(filepath.Join(dir, "flores200_ru_en", "metadata_devtest.tsv"))
	if err != nil {
		return nil, err
	}
	for _, p := range [][2]string{
		{"flores200_ru_en/rus_Cyrl.devtest", "flores200_ru_en/eng_Latn.devtest"},
		{"tico19_ru_en/tico19-test.rus", "tico19_ru_en/tico19-test.eng"},
	} {
		ru, err := readLines(filepath.Join(dir, p[0]))
		if err != nil {
			return nil, err
		}
		en, err := readLines(filepath.Join(dir, p[1]))
		if err != nil {
			return nil, err
		}
		if len(ru) != len(en) {
			return nil, fmt.Errorf("%s: %d lines, but %s has %d", p[0], len(ru), p[1], len(en))
		}
		for k := range ru {
			doc := filepath.Join(dir, p[0])
			if strings.HasPrefix(p[0], "flores") && k+1 < len(flores) && len(flores[k+1]) > 0 {
				doc = flores[k+1][0]
			}
			out = append(out, SegmentPair{RU: ru[k], EN: en[k], File: doc})
		}
	}
	pud := filepath.Join(dir, "ud_pud_ru_en", "pud.ru-en.tsv")
	rows, err := readRows(pud)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if len(r) >= 3 {
			// A PUD sentence id (n01001011) is its document's (n01001)
			// and the sentence's number.
			doc := pud
			if len(r[0]) > 6 {
				doc += "#" + r[0][:6]
			}
			out = append(out, SegmentPair{RU: r[1], EN: r[2], File: doc})
		}
	}
	var kept []SegmentPair
	for _, p := range out {
		if strings.TrimSpace(p.RU) != "" && strings.TrimSpace(p.EN) != "" {
			kept = append(kept, p)
		}
	}
	return kept, nil
}

func unescapeTab(s string) string { return strings.ReplaceAll(s, `\t`, "\t") }

func readLines(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return strings.Split(strings.TrimRight(string(data), "\n"), "\n"), nil
}

func readRows(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		rows = append(rows, strings.Split(sc.Text(), "\t"))
	}
	return rows, sc.Err()
}

package check

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestNumbersDevPool is the development pool of number-mismatch: real
// professional translations that are neither part of the real-text
// evaluation's unseen split nor its tune split — every non-news document
// of ../shared/data/wmt_news_ru_en (social posts, speech, e-commerce,
// manuals, reviews, conversations, literature; all years), FLORES-200
// devtest, TICO-19 test and UD PUD cut into articles of 20 sentences. They are
// full of numbers written in other ways (times, seasons, scores, scale
// words, numbers in words), so number rules are tuned on them, never on
// the unseen news.
//
// The test prints the number findings with their segments
// (TOLMACH_NUMBERS_DEV=1; =all lists every one, not only errors and
// warnings) and the rate per 1,000 source words per corpus, and fails
// when that rate rises above the ceiling recorded here. Its errors and
// warnings are adjudicated in testdata/numbers_dev_key.tsv (true: the
// translation really changes or loses the number; false: it renders it),
// so the pool's false alarms are a count; a true finding of the key that
// is no longer reported fails the test, and one missing from the key is
// listed for adjudication.
func TestNumbersDevPool(t *testing.T) {
	mode := os.Getenv("TOLMACH_NUMBERS_DEV")
	if mode == "" {
		t.Skip("set TOLMACH_NUMBERS_DEV=1 to run the number development pool")
	}
	data := sharedData(t)
	docs := numbersDevDocs(t, data)
	if len(docs) == 0 {
		t.Skip("no development material in shared/data")
	}
	key := numbersDevKey(t)
	c := New(Options{Glossary: builtinGlossary(t)})
	outs := checkDocs(c, docs)
	var trueFound, falseFound int
	var unkeyed []string
	seen := make([]bool, len(key))

	type tally struct{ words, errs, warns, infos int }
	per := map[string]*tally{}
	var corpora []string
	var list strings.Builder
	for i, d := range docs {
		o := outs[i]
		if o.err != nil {
			continue // a broken pair is no number finding
		}
		tl := per[d.corpus]
		if tl == nil {
			tl = &tally{}
			per[d.corpus] = tl
			corpora = append(corpora, d.corpus)
		}
		tl.words += o.words
		for _, f := range o.findings {
			if f.Rule != "number-mismatch" {
				continue
			}
			switch f.Severity {
			case Error:
				tl.errs++
			case Warning:
				tl.warns++
			default:
				tl.infos++
				if mode != "all" {
					continue
				}
			}
			verdict := "-"
			if f.Severity >= Warning {
				k := matchNumbersDevKey(key, d.name, &f)
				switch {
				case k < 0:
					unkeyed = append(unkeyed, fmt.Sprintf("%s\t%s\t%s", d.name, lineOrDash(f.Source), keyWhat(&f)))
				case key[k].verdict:
					trueFound++
					seen[k], verdict = true, "true"
				default:
					falseFound++
					seen[k], verdict = true, "false"
				}
			}
			fmt.Fprintf(&list, "%s %s %s [%s]: %s\n\tS: %s\n\tT: %s\n", d.name, f.Severity, realLines(&f), verdict, f.Message, segmentOf(f.Source), segmentOf(f.Target))
		}
	}
	sort.Strings(corpora)
	var b strings.Builder
	fmt.Fprintf(&b, "\nnumber-mismatch on the development pool (built-in glossary)\n%-22s %8s %6s %6s %6s %10s\n", "corpus", "words", "error", "warn", "info", "err+warn/1k")
	var all tally
	for _, name := range corpora {
		tl := per[name]
		fmt.Fprintf(&b, "%-22s %8d %6d %6d %6d %10.2f\n", name, tl.words, tl.errs, tl.warns, tl.infos, perThousand(tl.errs+tl.warns, tl.words))
		all.words += tl.words
		all.errs += tl.errs
		all.warns += tl.warns
		all.infos += tl.infos
	}
	rate := perThousand(all.errs+all.warns, all.words)
	fmt.Fprintf(&b, "%-22s %8d %6d %6d %6d %10.2f\n", "ALL", all.words, all.errs, all.warns, all.infos, rate)
	fmt.Fprintf(&b, "errors and warnings by the key: %d true, %d false (%.2f per 1,000 words), %d not in the key\n",
		trueFound, falseFound, perThousand(falseFound, all.words), len(unkeyed))
	for _, u := range unkeyed {
		fmt.Fprintf(&b, "\tnot in the key: %s\n", u)
	}
	for k, row := range key {
		if row.verdict && !seen[k] {
			t.Errorf("numbers_dev_key.tsv:%d: the true finding %s S%s %q is no longer reported as an error or warning", row.line, row.doc, row.sline, row.what)
		}
	}
	t.Log(list.String())
	t.Log(b.String())
	// The ceiling of the pool's rate (0.52 before the numbers written
	// other ways were recognised, 0.17 after, UD PUD included; 0.15 with
	// 11 false alarms by the key, then 0.09 with 2, 0.08 with none),
	// tightened as it improves.
	const ceiling = 0.10
	if rate > ceiling {
		t.Errorf("number-mismatch on the development pool: %.2f errors and warnings per 1,000 words, above %.2f", rate, ceiling)
	}
}

// numbersDevDocs reads the development pool of TestNumbersDevPool.
func numbersDevDocs(t *testing.T, data string) []calibrationDoc {
	t.Helper()
	// Never a news document: the news of WMT21 and WMT24 are the
	// real-text evaluation's unseen split.
	docs := wmtDocs(t, data, func(_, domain string) bool { return domain != "news" },
		func(_, domain string) string { return "wmt-" + domain })
	return append(docs, sentenceCorpusDocs(t, data, "flores200", "tico19", "ud_pud")...)
}

// numbersDevRow is a row of testdata/numbers_dev_key.tsv: a number
// finding of the development pool, adjudicated.
type numbersDevRow struct {
	line             int
	doc, sline, what string
	verdict          bool // true: the translation really changes or loses the number
}

// numbersDevKey reads testdata/numbers_dev_key.tsv.
func numbersDevKey(t *testing.T) []numbersDevRow {
	t.Helper()
	var rows []numbersDevRow
	err := readTSV(filepath.Join("testdata", "numbers_dev_key.tsv"), "doc", func(n int, c []string) error {
		if len(c) != 5 {
			return fmt.Errorf("want doc, sline, what, verdict, reason; got %d columns", len(c))
		}
		if c[3] != "true" && c[3] != "false" {
			return fmt.Errorf("verdict %q: want true or false", c[3])
		}
		if strings.TrimSpace(c[4]) == "" {
			return fmt.Errorf("no reason given")
		}
		rows = append(rows, numbersDevRow{line: n, doc: c[0], sline: c[1], what: c[2], verdict: c[3] == "true"})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// matchNumbersDevKey returns the index of the key row for the finding f
// of document doc, or -1.
func matchNumbersDevKey(key []numbersDevRow, doc string, f *Finding) int {
	for k, row := range key {
		if row.doc == doc && row.sline == lineOrDash(f.Source) && whatMatches(row.what, f) {
			return k
		}
	}
	return -1
}

package check

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// devPoolRules are the rules the development pool is read for: the term
// rules and the segment rules (number-mismatch is counted, not listed).
var devPoolRules = map[string]bool{
	"term-missing": true, "term-forbidden": true, "term-inconsistent": true, "term-drift": true,
	"term-partial": true, "segment-missing": true, "segment-extra": true, "untranslated": true,
}

// devKeyRules are the rules devkey.tsv adjudicates.
var devKeyRules = map[string]bool{"term-missing": true, "term-partial": true, "term-drift": true, "term-inconsistent": true}

// TestDevPool checks the development pool of the real-text evaluation
// (testdata/realtext/README.md) with the built-in glossary: the documents
// of shared/data/wmt_news_ru_en that are not news (social posts, speech,
// e-commerce, reviews, manuals, conversations, literature; every year —
// only the news of WMT21 and WMT24 is the unseen part), FLORES-200
// devtest, TICO-19 test and UD PUD. They are professional translations of general
// text, where a glossary word in another sense, a name that holds a term
// or a free rendering shows up much more often than in news: the place to
// find the general causes of false alarms without looking at the unseen
// part. It prints per corpus the errors and warnings of each rule per
// 1,000 source words (an upper bound of the false alarms: the findings
// are not adjudicated), and with TOLMACH_DEVPOOL_OUT=FILE writes every
// error and warning of the term and segment rules with its two segments,
// grouped by rule and term, to read. Slow (about a minute on two busy
// cores): it runs only with TOLMACH_DEVPOOL=1.
func TestDevPool(t *testing.T) {
	if os.Getenv("TOLMACH_DEVPOOL") == "" {
		t.Skip("development pool: set TOLMACH_DEVPOOL=1")
	}
	data := sharedData(t)
	docs := wmtDocs(t, data, func(_, domain string) bool { return domain != "news" },
		func(year, _ string) string { return "wmt" + year[2:] })
	docs = append(docs, sentenceCorpusDocs(t, data, "flores200", "tico19", "ud_pud")...)
	if len(docs) == 0 {
		t.Skip("no development pool in shared/data")
	}
	names := map[string]bool{}
	for _, d := range docs {
		names[d.name] = true
	}
	var key []*keyRow
	for _, r := range loadKeyFile(t, "devkey.tsv", func(doc string) error {
		if !names[doc] {
			return fmt.Errorf("document %q is not in the development pool", doc)
		}
		return nil
	}) {
		key = append(key, &r)
	}
	c := New(Options{Glossary: builtinGlossary(t)})
	outs := checkDocs(c, docs)
	judged := map[string]*realRuleStat{} // term rule → the dev key's verdicts
	keyedTrue := map[*keyRow]bool{}      // true rows still reported

	words := map[string]int{}
	count := map[string]map[string]int{} // corpus → rule → errors and warnings
	var corpora []string
	listed := map[string][]string{} // rule + term → entries
	for i, o := range outs {
		d := docs[i]
		if o.err != nil {
			t.Logf("%s: %v", d.name, o.err)
			continue
		}
		if _, ok := words[d.corpus]; !ok {
			corpora = append(corpora, d.corpus)
			count[d.corpus] = map[string]int{}
		}
		words[d.corpus] += o.words
		sl, tl := lines(d.srcText), lines(d.tgtText)
		for _, f := range o.findings {
			if f.Severity < Warning {
				continue
			}
			count[d.corpus][f.Rule]++
			if !devPoolRules[f.Rule] {
				continue
			}
			verdict := ""
			if devKeyRules[f.Rule] {
				st := judged[f.Rule]
				if st == nil {
					st = &realRuleStat{}
					judged[f.Rule] = st
				}
				st.findings++
				switch r, _ := adjudicate(key, d.name, &f); {
				case r == nil:
					st.unadjudicated++
					verdict = " [unadjudicated]"
				case r.verdict:
					st.truePos++
					keyedTrue[r] = true
					verdict = " [true]"
				default:
					st.falsePos++
					verdict = " [false: " + r.reason + "]"
				}
			}
			k := f.Rule + " " + keyWhat(&f)
			listed[k] = append(listed[k], fmt.Sprintf("%s %s %s: %s%s\n    S: %s\n    T: %s",
				f.Severity, d.name, realLines(&f), f.Message, verdict, lineAt(sl, f.Source), lineAt(tl, f.Target)))
		}
	}
	sort.Strings(corpora)

	var b strings.Builder
	fmt.Fprintf(&b, "\ndevelopment pool, built-in glossary: errors and warnings per 1,000 source words (not adjudicated)\n")
	fmt.Fprintf(&b, "%-18s %7s %6s %6s %6s %6s %6s %6s\n", "corpus", "words", "t-miss", "t-part", "t-drif", "t-incs", "segm.", "numb.")
	var tw int
	tot := map[string]int{}
	row := func(name string, w int, n map[string]int) {
		seg := n["segment-missing"] + n["segment-extra"] + n["untranslated"]
		fmt.Fprintf(&b, "%-18s %7d %6.2f %6.2f %6.2f %6.2f %6.2f %6.2f\n", name, w,
			perThousand(n["term-missing"], w), perThousand(n["term-partial"], w), perThousand(n["term-drift"], w),
			perThousand(n["term-inconsistent"]+n["term-forbidden"], w), perThousand(seg, w), perThousand(n["number-mismatch"], w))
	}
	for _, corp := range corpora {
		row(corp, words[corp], count[corp])
		tw += words[corp]
		for r, n := range count[corp] {
			tot[r] += n
		}
	}
	row("all", tw, tot)
	var terms int
	for r, n := range tot {
		if devPoolRules[r] {
			terms += n
		}
	}
	fmt.Fprintf(&b, "term and segment rules: %d errors and warnings, %.2f per 1,000 source words\n", terms, perThousand(terms, tw))
	var all realRuleStat
	var rules []string
	for r := range judged {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	fmt.Fprintf(&b, "\nterm rules against devkey.tsv\n%-18s %8s %5s %5s %7s %9s\n", "rule", "findings", "true", "false", "unadj.", "false/1k")
	for _, r := range rules {
		st := judged[r]
		fmt.Fprintf(&b, "%-18s %8d %5d %5d %7d %9.2f\n", r, st.findings, st.truePos, st.falsePos, st.unadjudicated, perThousand(st.falsePos, tw))
		all.findings += st.findings
		all.truePos += st.truePos
		all.falsePos += st.falsePos
		all.unadjudicated += st.unadjudicated
	}
	trueRows := 0
	for _, r := range key {
		if r.verdict {
			trueRows++
		}
	}
	fmt.Fprintf(&b, "%-18s %8d %5d %5d %7d %9.2f\nkeyed true still reported: %d/%d\n", "ALL", all.findings, all.truePos, all.falsePos,
		all.unadjudicated, perThousand(all.falsePos, tw), len(keyedTrue), trueRows)
	t.Log(b.String())

	if out := os.Getenv("TOLMACH_DEVPOOL_OUT"); out != "" {
		var keys []string
		for k := range listed {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if len(listed[keys[i]]) != len(listed[keys[j]]) {
				return len(listed[keys[i]]) > len(listed[keys[j]])
			}
			return keys[i] < keys[j]
		})
		var full strings.Builder
		full.WriteString(b.String())
		for _, k := range keys {
			fmt.Fprintf(&full, "\n== %s (%d)\n", k, len(listed[k]))
			for _, e := range listed[k] {
				full.WriteString(e + "\n")
			}
		}
		if err := os.WriteFile(out, []byte(full.String()), 0o644); err != nil {
			t.Error(err)
		}
	}
}

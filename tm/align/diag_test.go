package align

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestAlignDiagnoseDev prints, for the Bleualign development set only,
// the confusion of gold and predicted bead types and the wrong beads, to
// see where the errors are (TOLMACH_EVAL=diag).
func TestAlignDiagnoseDev(t *testing.T) {
	if os.Getenv("TOLMACH_EVAL") != "diag" {
		t.Skip("set TOLMACH_EVAL=diag")
	}
	dir := filepath.Join(dataDir(t), "align_bleualign_vecalign")
	de := readLines(t, filepath.Join(dir, "dev.de"))
	fr := readLines(t, filepath.Join(dir, "dev.fr"))
	gold := parseDefr(t, readLines(t, filepath.Join(dir, "dev.defr")))
	pairs := alignWith(lineSentences(de), lineSentences(fr), Options{SourceLang: "de", TargetLang: "fr"}, defaultParams)
	test := pairsToLinks(pairs)
	kind := func(l link) string { return fmt.Sprintf("%d-%d", len(l.src), len(l.tgt)) }
	goldSet := map[string]bool{}
	goldOfSrc, goldOfTgt := map[int]link{}, map[int]link{}
	for _, g := range gold {
		goldSet[g.key()] = true
		for _, s := range g.src {
			goldOfSrc[s] = g
		}
		for _, x := range g.tgt {
			goldOfTgt[x] = g
		}
	}
	conf := map[string]int{}
	for _, l := range test {
		g, ok := goldOfSrc[-1]
		if len(l.src) > 0 {
			g, ok = goldOfSrc[l.src[0]]
		} else if len(l.tgt) > 0 {
			g, ok = goldOfTgt[l.tgt[0]]
		}
		gk := "?"
		if ok {
			gk = kind(g)
		}
		right := "ok"
		if !goldSet[l.key()] {
			right = "WRONG"
		}
		conf[fmt.Sprintf("gold %s pred %s %s", gk, kind(l), right)]++
	}
	var keys []string
	for k := range conf {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%-30s %d", k, conf[k])
	}
	if os.Getenv("TOLMACH_DIAG_EX") == "1" {
		for _, l := range test {
			if goldSet[l.key()] {
				continue
			}
			t.Logf("WRONG %v:%v", l.src, l.tgt)
		}
		for _, g := range gold {
			t.Logf("GOLD %v:%v", g.src, g.tgt)
		}
	}
}

// TestAlignSweep scores one parameter setting, given as TOLMACH_P
// ("s2=6.8,match=2.5,p1=0.03"), on the development set and the RU–EN
// documents: the tool used to set defaultParams (TOLMACH_EVAL=sweep).
func TestAlignSweep(t *testing.T) {
	if os.Getenv("TOLMACH_EVAL") != "sweep" {
		t.Skip("set TOLMACH_EVAL=sweep")
	}
	p := defaultParams
	for _, kv := range strings.Split(os.Getenv("TOLMACH_P"), ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			continue
		}
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatal(err)
		}
		switch k {
		case "s2":
			p.s2 = x
		case "match":
			p.match = x
		case "miss":
			p.miss = x
		case "weak":
			p.weak = x
		case "weakEnd":
			p.weakEnd = x
		case "temp":
			p.temp = x
		default:
			if strings.HasPrefix(k, "p") {
				n, _ := strconv.Atoi(k[1:])
				p.prior[n] = x
			} else {
				t.Fatalf("unknown %s", k)
			}
		}
	}
	set := []string{"dev"}
	if os.Getenv("TOLMACH_SET") == "test" {
		// Once per design decision, never to tune on.
		set = bleualignTest
	}
	var dev scores
	if h := os.Getenv("TOLMACH_SET"); h == "dev1" || h == "dev2" {
		dev = evalDevHalf(t, h == "dev2", p)
	} else {
		dev = evalBleualign(t, set, p)
	}
	docs := makeDocs(loadCorpora(t), 1)
	var ru scorer
	for _, name := range []string{"FLORES-200", "UD PUD", "TICO-19"} {
		for _, d := range docs[name] {
			ru.add(d.gold, pairsToLinks(alignWith(d.src, d.tgt, Options{SourceLang: d.srcLang, TargetLang: d.tgtLang}, p)))
		}
	}
	r := ru.scores()
	t.Logf("SWEEP %s %v strict P %.3f R %.3f F1 %.3f | RU-EN link F1 %.4f strict %.4f", os.Getenv("TOLMACH_P"), set[0], dev.pStrict, dev.rStrict, dev.fStrict, r.fLink, r.fStrict)
}

// evalDevHalf scores the first or the second half of the development
// document, cut at the gold bead nearest its middle: whether a change
// helps both halves says more than the whole alone.
func evalDevHalf(t *testing.T, second bool, p params) scores {
	dir := filepath.Join(dataDir(t), "align_bleualign_vecalign")
	de := readLines(t, filepath.Join(dir, "dev.de"))
	fr := readLines(t, filepath.Join(dir, "dev.fr"))
	gold := parseDefr(t, readLines(t, filepath.Join(dir, "dev.defr")))
	cut := len(gold) / 2
	for len(gold[cut].src) == 0 || len(gold[cut].tgt) == 0 {
		cut++
	}
	s0, t0 := gold[cut].src[0], gold[cut].tgt[0]
	g := gold[:cut]
	ds, ft := de[:s0], fr[:t0]
	if second {
		g = nil
		for _, l := range gold[cut:] {
			var x link
			for _, i := range l.src {
				x.src = append(x.src, i-s0)
			}
			for _, j := range l.tgt {
				x.tgt = append(x.tgt, j-t0)
			}
			g = append(g, x)
		}
		ds, ft = de[s0:], fr[t0:]
	}
	var s scorer
	s.add(g, pairsToLinks(alignWith(lineSentences(ds), lineSentences(ft), Options{SourceLang: "de", TargetLang: "fr"}, p)))
	return s.scores()
}

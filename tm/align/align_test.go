package align

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"tolmach/internal/lang"
)

const ruArticle = `Россия и Китай: партнёрство во имя многополярного мира

В мае 2024 года президент Владимир Путин совершил визит в Пекин. Лидеры подписали совместное заявление.

Москва и Пекин выступают за многополярный мир. Обе стороны отвергают односторонние санкции.

Договор о добрососедстве подписан в 2001 году. В 2021 году стороны продлили его ещё на пять лет.`

const enArticle = `Russia and China: a partnership for a multipolar world

In May 2024, President Vladimir Putin paid a visit to Beijing. The leaders signed a joint statement.

Moscow and Beijing stand for a multipolar world.

The Treaty of Good-Neighbourliness was signed in 2001. In 2021, the parties extended it for another five years.`

// checkCover fails unless every sentence of both sides is in exactly
// one pair, in document order.
func checkCover(t *testing.T, pairs []Pair, n, m int) {
	t.Helper()
	nextS, nextT := 0, 0
	for _, p := range pairs {
		if len(p.Source) == 0 && len(p.Target) == 0 {
			t.Fatalf("empty pair %+v", p)
		}
		for _, i := range p.Source {
			if i != nextS {
				t.Fatalf("source sentence %d out of order (want %d) in %+v", i, nextS, pairs)
			}
			nextS++
		}
		for _, j := range p.Target {
			if j != nextT {
				t.Fatalf("target sentence %d out of order (want %d)", j, nextT)
			}
			nextT++
		}
		if p.Confidence < 0 || p.Confidence > 1 {
			t.Errorf("confidence %v out of 0..1", p.Confidence)
		}
	}
	if nextS != n || nextT != m {
		t.Fatalf("pairs cover %d/%d source and %d/%d target sentences", nextS, n, nextT, m)
	}
}

func TestAlignTextsArticle(t *testing.T) {
	a, err := AlignTexts(ruArticle, enArticle, "", "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.SourceLang != lang.RU || a.TargetLang != lang.EN {
		t.Errorf("languages %s→%s", a.SourceLang, a.TargetLang)
	}
	checkCover(t, a.Pairs, len(a.Source), len(a.Target))
	var got []string
	for _, p := range a.Pairs {
		got = append(got, fmt.Sprintf("%s %d:%d", p.Kind(), lineOf(a.Source, p.Source), lineOf(a.Target, p.Target)))
	}
	want := []string{"1-1 1:1", "1-1 3:3", "1-1 3:3", "1-1 5:5", "1-0 5:0", "1-1 7:7", "1-1 7:7"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("pairs\n got %s\nwant %s", strings.Join(got, ", "), strings.Join(want, ", "))
	}
	om := a.Pairs[4]
	if !om.Omission() || a.SourceText(om) != "Обе стороны отвергают односторонние санкции." || a.TargetText(om) != "" {
		t.Errorf("omission pair %+v: %q → %q", om, a.SourceText(om), a.TargetText(om))
	}
	s := a.SourceSentences(a.Pairs[1])[0]
	if ruArticle[s.Start:s.End] != s.Text || s.Line != 3 || s.Column != 1 {
		t.Errorf("sentence position %+v", s)
	}
}

func lineOf(ss []Sentence, idx []int) int {
	if len(idx) == 0 {
		return 0
	}
	return ss[idx[0]].Line
}

func TestAlignBadInput(t *testing.T) {
	long := strings.Repeat("Это предложение повторяется снова и снова. ", 400)
	tests := []struct {
		name     string
		src, tgt string
		check    func(t *testing.T, a *Alignment)
	}{
		{"empty target", ruArticle, "", func(t *testing.T, a *Alignment) {
			for _, p := range a.Pairs {
				if !p.Omission() {
					t.Errorf("pair %+v is not an omission", p)
				}
			}
		}},
		{"empty source", "", enArticle, func(t *testing.T, a *Alignment) {
			for _, p := range a.Pairs {
				if !p.Addition() {
					t.Errorf("pair %+v is not an addition", p)
				}
			}
		}},
		{"both empty", "", "", func(t *testing.T, a *Alignment) {
			if len(a.Pairs) != 0 {
				t.Errorf("pairs %+v", a.Pairs)
			}
		}},
		{"ten times longer", ruArticle + "\n\n" + long, enArticle, func(t *testing.T, a *Alignment) {
			low := 0
			for _, p := range a.Pairs {
				if p.Low || p.Omission() || p.Addition() {
					low++
				}
			}
			if low*10 < len(a.Pairs)*8 {
				t.Errorf("only %d of %d pairs flagged low or unpaired", low, len(a.Pairs))
			}
		}},
		{"ten times shorter", "Короткая строка.", enArticle + "\n\n" + enArticle + "\n\n" + enArticle, func(t *testing.T, a *Alignment) {
			for _, p := range a.Pairs {
				if len(p.Source) > 0 && len(p.Target) > 0 && !p.Low {
					t.Errorf("pair %+v is not low-confidence", p)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			a, err := AlignTexts(tt.src, tt.tgt, lang.RU, lang.EN, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkCover(t, a.Pairs, len(a.Source), len(a.Target))
			tt.check(t, a)
			_ = start
		})
	}
}

func TestAlignTextsSameLanguage(t *testing.T) {
	tests := []struct {
		name     string
		src, tgt string
		sl, tl   lang.Lang
	}{
		{"detected", ruArticle, ruArticle, "", ""},
		{"given", enArticle, enArticle, lang.EN, lang.EN},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := AlignTexts(tt.src, tt.tgt, tt.sl, tt.tl, Options{})
			if !errors.Is(err, ErrSameLanguage) {
				t.Errorf("error %v, want ErrSameLanguage", err)
			}
		})
	}
}

func TestCallerAnchors(t *testing.T) {
	// Three source sentences of one length, two target ones: length says
	// nothing about which source sentence is left out; a caller's
	// anchors (glossary concepts) do.
	src := []Sentence{
		{Text: "Стороны обсудили стратегическое партнёрство."},
		{Text: "Переговоры прошли в конструктивной атмосфере."},
		{Text: "Министры осудили односторонние санкции США."},
	}
	tgt := []Sentence{
		{Text: "The sides discussed the strategic partnership."},
		{Text: "The ministers condemned unilateral US sanctions."},
	}
	gloss := AnchorFunc(func(text string, l lang.Lang) []string {
		var ids []string
		for _, w := range []string{"партнёрство", "partnership"} {
			if strings.Contains(text, w) {
				ids = append(ids, "g:partnership")
			}
		}
		for _, w := range []string{"санкции", "sanctions"} {
			if strings.Contains(text, w) {
				ids = append(ids, "g:sanctions")
			}
		}
		return ids
	})
	tests := []struct {
		name      string
		anchorers []Anchorer
		want      string
	}{
		{"glossary anchors", []Anchorer{gloss}, "[0]:[0] [1]:[] [2]:[1]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pairs := Align(src, tgt, Options{SourceLang: lang.RU, TargetLang: lang.EN, Anchorers: tt.anchorers, NoBuiltinAnchors: true})
			checkCover(t, pairs, len(src), len(tgt))
			var got []string
			for _, p := range pairs {
				got = append(got, fmt.Sprintf("%v:%v", p.Source, p.Target))
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("pairs %s, want %s", strings.Join(got, " "), tt.want)
			}
		})
	}
}

func FuzzAlign(f *testing.F) {
	f.Add(ruArticle, enArticle)
	f.Add("", "a. b. c.")
	f.Add("Один. Два.\n\nТри.", "One.\n\nTwo. Three.")
	f.Fuzz(func(t *testing.T, src, tgt string) {
		a, err := AlignTexts(src, tgt, lang.RU, lang.EN, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkCover(t, a.Pairs, len(a.Source), len(a.Target))
	})
}

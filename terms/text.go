package terms

import (
	"runtime"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"tolmach/internal/lang"
)

// word is one token of a segment, kept compact: its place in the text,
// the id of its matching key and what kind of word it is.
type word struct {
	start, end int32
	id         uint32 // index of the key in the vocabulary
	flags      uint16
}

const (
	fStop      uint16 = 1 << iota // a function word (or a reporting verb, a date word)
	fNumber                       // digits
	fCap                          // starts with a capital letter
	fUpper                        // all capitals (an abbreviation)
	fBreak                        // punctuation or a sentence end comes before it
	fInner                        // a function word allowed inside a phrase (of, о)
	fAdjEnd                       // a Russian word with an adjective's ending that cannot end a noun phrase
	fInitial                      // first word of a sentence
	fAdjective                    // a Russian adjective (Южной), not a name by itself
	fShort                        // under five letters
	fJoinPrev                     // a part of an English compound after its first (press-release)
	fJoinNext                     // a part of an English compound before its last
	fForeign                      // an English segment's word in Cyrillic: text left untranslated or quoted, no part of an English term
)

// side is one tokenised segment.
type side struct {
	text  string
	words []word
}

// vocab interns matching keys as dense ids.
type vocab struct {
	ids  map[string]uint32
	keys []string
}

func newVocab() *vocab { return &vocab{ids: map[string]uint32{}} }

func (v *vocab) id(key string) uint32 {
	if id, ok := v.ids[key]; ok {
		return id
	}
	id := uint32(len(v.keys))
	v.ids[key] = id
	v.keys = append(v.keys, key)
	return id
}

// lookup returns the id of key, if the vocabulary has it.
func (v *vocab) lookup(key string) (uint32, bool) {
	id, ok := v.ids[key]
	return id, ok
}

// tokenized is a corpus analysed once for mining or usage.
type tokenized struct {
	voc    *vocab
	ru, en []side
}

// analyzed is one segment's tokens before interning.
type analyzed struct {
	toks  []lang.Token
	flags []uint16
}

// tokenize analyses both sides of every pair, on all CPUs, then interns
// the keys in order (so ids do not depend on scheduling).
func tokenize(c *Corpus) *tokenized {
	n := len(c.Pairs)
	t := &tokenized{voc: newVocab(), ru: make([]side, n), en: make([]side, n)}
	// In chunks, so that the full tokens of only one chunk are held at a
	// time: the compact words are a fraction of their size.
	const chunk = 4096
	ra := make([]analyzed, min(n, chunk))
	ea := make([]analyzed, min(n, chunk))
	workers := runtime.GOMAXPROCS(0)
	for lo := 0; lo < n; lo += chunk {
		hi := min(n, lo+chunk)
		var wg sync.WaitGroup
		next := make(chan int, 64)
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					ra[i-lo] = analyze(c.Pairs[i].RU, true)
					ea[i-lo] = analyze(c.Pairs[i].EN, false)
				}
			}()
		}
		for i := lo; i < hi; i++ {
			next <- i
		}
		close(next)
		wg.Wait()
		for i := lo; i < hi; i++ {
			t.ru[i] = t.intern(c.Pairs[i].RU, ra[i-lo])
			t.en[i] = t.intern(c.Pairs[i].EN, ea[i-lo])
			ra[i-lo], ea[i-lo] = analyzed{}, analyzed{}
		}
	}
	return t
}

func (t *tokenized) intern(text string, a analyzed) side {
	ws := make([]word, len(a.toks))
	for i, tok := range a.toks {
		ws[i] = word{start: int32(tok.Start), end: int32(tok.End), id: t.voc.id(tok.Key), flags: a.flags[i]}
	}
	return side{text: text, words: ws}
}

// analyze tokenises one segment and classifies its words. An English
// compound written with a hyphen counts as its parts (press-release as
// press release): English writes many compounds either way, and each way
// is one term.
func analyze(text string, ru bool) analyzed {
	toks := lang.Analyze(text)
	var joins []uint16
	if !ru {
		toks, joins = splitCompounds(toks)
	}
	flags := make([]uint16, len(toks))
	prevEnd := 0
	for i, tok := range toks {
		var f uint16
		gap := text[prevEnd:tok.Start]
		if i == 0 || sentenceGap(gap) {
			f |= fInitial | fBreak
		} else if breakGap(gap) {
			f |= fBreak
		}
		prevEnd = tok.End
		if tok.Kind == lang.Number || startsWithDigit(tok.Norm) {
			f |= fNumber
		}
		if utf8.RuneCountInString(tok.Text) < 5 {
			f |= fShort
		}
		r, _ := utf8.DecodeRuneInString(tok.Text)
		if unicode.IsUpper(r) {
			f |= fCap
			if n := utf8.RuneCountInString(tok.Text); tok.Upper() && n > 1 && n <= 6 {
				// An abbreviation (ШОС, UNESCO); longer words in capitals
				// are shouting, not names.
				f |= fUpper
			}
		}
		if ru {
			f |= ruFlags(tok)
		} else {
			f |= enFlags(tok)
		}
		if !ru && lang.ScriptOf(tok.Norm) == lang.Cyrillic {
			f |= fForeign
		}
		if !ru && f&fUpper != 0 {
			f &^= fStop | fInner // WHO, US, IT are names, not function words
		}
		if joins != nil {
			f |= joins[i]
			if joins[i]&fJoinPrev != 0 {
				f &^= fBreak | fInitial
			}
		}
		flags[i] = f
	}
	return analyzed{toks: toks, flags: flags}
}

// splitCompounds replaces each hyphenated Latin word of toks by its
// parts, with flags joining them (a phrase neither starts nor ends inside
// one); one with a digit in it (COVID-19, G20-led) stays whole, as a
// name. joins is nil when there is none.
func splitCompounds(toks []lang.Token) (out []lang.Token, joins []uint16) {
	split := func(t lang.Token) bool {
		return len(t.Parts) > 1 && lang.ScriptOf(t.Norm) == lang.Latin && !strings.ContainsAny(t.Norm, "0123456789")
	}
	n := 0
	for _, t := range toks {
		if split(t) {
			n += len(t.Parts) - 1
		}
	}
	if n == 0 {
		return toks, nil
	}
	out = make([]lang.Token, 0, len(toks)+n)
	joins = make([]uint16, 0, len(toks)+n)
	for _, t := range toks {
		if !split(t) {
			out = append(out, t)
			joins = append(joins, 0)
			continue
		}
		for k, p := range t.Parts {
			var j uint16
			if k > 0 {
				j |= fJoinPrev
			}
			if k < len(t.Parts)-1 {
				j |= fJoinNext
			}
			out = append(out, p)
			joins = append(joins, j)
		}
	}
	return out, joins
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// breakGap reports whether the text between two words separates phrases:
// anything but spaces (a comma, a quote, a bracket, a dash between
// spaces).
func breakGap(gap string) bool {
	for _, r := range gap {
		if !unicode.IsSpace(r) && r != '\u00AD' && r != '\u200B' {
			return true
		}
	}
	return false
}

// sentenceGap reports whether a sentence may end in the gap.
func sentenceGap(gap string) bool {
	return strings.ContainsAny(gap, ".!?…:;\n")
}

func ruFlags(tok lang.Token) uint16 {
	var f uint16
	if ruStopNorms[tok.Norm] || ruStopKeys[tok.Key] {
		f |= fStop
	}
	if ruInner[tok.Norm] {
		f |= fInner
	}
	if ruVerbLike(tok.Norm) {
		f |= fStop
	}
	if ruIsAdjective(tok.Norm) {
		f |= fAdjective
	}
	if ruAdjectiveEnd(tok.Norm) {
		f |= fAdjEnd
	}
	return f
}

func enFlags(tok lang.Token) uint16 {
	var f uint16
	if enStop[tok.Norm] {
		f |= fStop
	}
	if enInner[tok.Norm] {
		f |= fInner
	}
	return f
}

// ruVerbLike reports endings (almost) only verbs have: infinitives of
// reflexive verbs, the reflexive past, the plural past (готовиться,
// заявился, договорились, обязали), the present of the first
// conjugation's third person and the infinitive (рекомендует, включают,
// отменить, оплачивать), in words of more than six letters: цели,
// детали and печать stay nouns. Of the 1,827 such words of the shared
// test text, the 400 most frequent are all verbs but for двадцать and
// тридцать, numerals, which are no term's edge either.
func ruVerbLike(w string) bool {
	for _, e := range []string{"ться", "тся", "лся", "лась", "лось", "лись", "или", "али", "яли", "ели",
		"ует", "уют", "ает", "яет", "ают", "яют", "еет", "еют", "ать", "ять", "ить", "еть", "уть", "ыть"} {
		if strings.HasSuffix(w, e) && utf8.RuneCountInString(w) > 6 {
			return true
		}
	}
	return false
}

// ruAdjectiveEnd reports endings a Russian noun phrase cannot end on:
// those of adjectives and participles only (-ая, -ого, -ыми …). Endings
// nouns share (-ий: соглашений; -ой: войной; -ие: соглашение) are not
// listed.
func ruAdjectiveEnd(w string) bool {
	for _, e := range []string{"ая", "яя", "ый", "ое", "ее", "ые", "ого", "его", "ому", "ему", "ую", "юю", "ыми", "ими", "ых", "их", "ым"} {
		if strings.HasSuffix(w, e) && utf8.RuneCountInString(w) > 4 {
			return true
		}
	}
	return false
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[lang.Fold(w)] = true
	}
	return m
}

// keySet returns the matching keys of words, so that every inflected
// form of them is caught.
func keySet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[lang.Stem(lang.Fold(w))] = true
	}
	return m
}

// The function words of each language: a phrase neither begins nor ends
// with one. Reporting verbs and date words are listed too: «заявил
// министр» and "last year" are not terms.
var (
	ruStopNorms = set(`и в во не на с со по к ко о об обо от из за у для до при через над под между а но или либо
		что чтобы как так также тоже же ли бы уже еще ещё только даже ни нет да вот где когда если чем кто
		я мы ты вы он она оно они его ее её их ему ей им ими него нее неё них ним ней нем нём меня нас вас нам вам мне тебя тебе
		это эта этот эти этого этой этом этих этим этими эту тот та то те того той тем тех теми ту
		весь вся все всё всего всей всех всем всеми всю всему сам сама само сами самого самой самых самим
		был была было были будет будут будем есть быть является являются являлся являлась
		может могут можно нужно надо должен должна должно должны более менее очень после перед около
		здесь там сейчас сегодня вчера завтра теперь пока лишь именно например т д г гг млн млрд тыс руб долл
		понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье
		январь января феврале февраль февраля март марта марте апрель апреля апреле май мая мае июнь июня июне
		июль июля июле август августа августе сентябрь сентября сентябре октябрь октября октябре ноябрь ноября
		ноябре декабрь декабря декабре один одна одно одного одной одну два две три четыре пять
		свой своя свое своё свои своего своей своих своим своими свою своем своём своему
		наш наша наше наши нашего нашей наших нашим нашими нашу ваш ваша ваше ваши
		который которая которое которые которого которой которых которым которыми которую котором которому
		такой такая такое такие такого таких таким такими такую
		другой другая другое другие другого других другим другими другую
		каждый каждая каждое каждого каждой каждом ряд ряда многие многих несколько сколько
		заявил заявила заявили сказал сказала сказали отметил отметила отметили сообщил сообщила сообщили
		подчеркнул подчеркнула добавил добавила пишет пишут считает считают говорит говорят
		процент процента процентов число числе том тому`)
	ruStopKeys = keySet(`год года году лет годы годах годов месяц месяца неделя недели день дня дни`)
	ruInner    = set(`о об по при`)
	enStop     = set(`a an the of in on at to for from by with without and or but nor as is are was were be been
		being has have had do does did will would shall should can could may might must not no this that these
		those it its he she they we you i his her their our your my him them us me who whom whose which what
		when where why how there here than then so such also only just even very more most less least some
		any all each every other another both either neither about after before over under between into
		through during against among up down out off said says say told added noted according year years
		month months week weeks day days today yesterday tomorrow monday tuesday wednesday thursday friday
		saturday sunday january february march april june july august september october november december
		mr mrs ms dr one percent per cent million billion thousand trillion while since until if because
		yet still already however well many much several last next ago`)
	enInner = set(`of for on in the de`)
)

package lang

import (
	"strings"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
)

// stemEnglish returns the key of a folded word in Latin script: the
// possessive dropped, an irregular plural replaced by its singular, a
// British spelling by the American one, then Snowball English, unless
// the word has a derivational ending Snowball would strip into another
// term (nationalism, security, organization). Folding
// spellings before stemming is what lets a British glossary find an
// American text and the other way round.
func stemEnglish(w string) string { return stemEnglishGuarded(w, true) }

// stemEnglishGuarded is stemEnglish with the derivation guard switched
// on or off, for the lever table.
func stemEnglishGuarded(w string, guard bool) string {
	if len(w) <= 2 {
		return w
	}
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'")
	if s, ok := irregularEN[w]; ok {
		w = s
	}
	w = americanSpelling(w)
	if k, ok := guardDerivation(w); ok && guard {
		return k
	}
	env := snowballstem.NewEnv(w)
	english.Stem(env)
	return env.Current()
}

// irregularEN maps plurals Snowball does not join to their singular.
// "bases" is left out on purpose: it is the plural of base (military
// bases) far more often than of basis.
var irregularEN = map[string]string{
	"crises": "crisis", "analyses": "analysis", "theses": "thesis", "hypotheses": "hypothesis",
	"diagnoses": "diagnosis", "syntheses": "synthesis", "emphases": "emphasis", "parentheses": "parenthesis",
	"oases": "oasis", "criteria": "criterion", "phenomena": "phenomenon", "memoranda": "memorandum",
	"moratoria": "moratorium", "consortia": "consortium", "curricula": "curriculum", "strata": "stratum",
	"fora": "forum", "indices": "index", "appendices": "appendix", "matrices": "matrix",
	"nuclei": "nucleus", "stimuli": "stimulus", "alumni": "alumnus",
	"men": "man", "women": "woman", "children": "child", "feet": "foot", "teeth": "tooth",
	"mice": "mouse", "geese": "goose", "wives": "wife", "knives": "knife",
	"halves": "half", "thieves": "thief", "selves": "self",
	// not "lives" and "leaves": as verbs (she lives, the minister
	// leaves) they belong to live and leave.
}

// menCompounds are the first parts of -man compounds whose plural in
// -men must key as the singular (chairmen → chairman). A list, not a
// rule: specimen, regimen and Yemen end in -men too.
var menCompounds = map[string]bool{
	"chair": true, "congress": true, "service": true, "police": true, "gun": true, "business": true,
	"noble": true, "work": true, "fire": true, "fisher": true, "gentle": true, "states": true,
	"spokes": true, "sports": true, "crafts": true, "trades": true, "kins": true, "marks": true,
	"sales": true, "ombuds": true, "council": true, "alder": true, "country": true, "middle": true,
	"sea": true, "news": true, "camera": true, "clergy": true, "anchor": true, "frontier": true,
	"foe": true, "lay": true, "yeo": true, "committee": true,
}

// ukWords are British spellings that no suffix rule covers, keyed by the
// word as written, with their American form.
var ukWords = map[string]string{
	"centre": "center", "centres": "centers", "centred": "centered", "centring": "centering",
	"theatre": "theater", "theatres": "theaters", "metre": "meter", "metres": "meters",
	"litre": "liter", "litres": "liters", "fibre": "fiber", "fibres": "fibers",
	"calibre": "caliber", "spectre": "specter", "sombre": "somber", "lustre": "luster",
	"meagre": "meager", "sabre": "saber", "manoeuvre": "maneuver", "manoeuvres": "maneuvers",
	"defence": "defense", "defences": "defenses", "offence": "offense", "offences": "offenses",
	"licence": "license", "licences": "licenses", "pretence": "pretense",
	"programme": "program", "programmes": "programs",
	"catalogue": "catalog", "catalogues": "catalogs", "dialogue": "dialog", "dialogues": "dialogs",
	"analogue": "analog", "analogues": "analogs",
	"judgement": "judgment", "judgements": "judgments", "ageing": "aging",
	"enrolment": "enrollment", "fulfilment": "fulfillment", "instalment": "installment",
	"practise": "practice", "practised": "practiced", "practises": "practices", "practising": "practicing",
	"grey": "gray", "sceptical": "skeptical", "sceptic": "skeptic", "sceptics": "skeptics",
	"aluminium": "aluminum", "cheque": "check", "cheques": "checks", "tyre": "tire", "tyres": "tires",
	"paediatric": "pediatric", "encyclopaedia": "encyclopedia", "mediaeval": "medieval",
}

// ourWords are the British -our stems whose u American English drops
// (colour, colours, coloured, colourful). Words such as four, hour, tour
// and devour keep it, hence a list.
var ourWords = []string{
	"colour", "honour", "labour", "favour", "neighbour", "behaviour", "harbour", "rumour", "vigour",
	"armour", "endeavour", "flavour", "humour", "savour", "valour", "parlour", "splendour", "odour",
	"clamour", "candour", "ardour", "tumour", "saviour", "demeanour", "fervour", "rigour", "vapour",
}

// izeExceptions end in -ise but have no -ize spelling; a base of three
// letters or more is required anyway, which spares rise, wise and prise.
var izeExceptions = map[string]bool{
	"advis": true, "advertis": true, "chastis": true, "circumcis": true, "compris": true,
	"compromis": true, "concis": true, "demis": true, "despis": true, "devis": true, "disguis": true,
	"enterpris": true, "excis": true, "exercis": true, "expertis": true, "franchis": true,
	"improvis": true, "incis": true, "merchandis": true, "paradis": true, "precis": true,
	"premis": true, "promis": true, "revis": true, "supervis": true, "surmis": true, "surpris": true,
	"televis": true, "treatis": true, "appris": true,
}

// izeEndings are the endings after -is-/-ys- that the -ise → -ize and
// -yse → -yze rules rewrite.
var izeEndings = []string{"ations", "ation", "ers", "er", "ing", "ed", "es", "e"}

// americanSpelling folds the British spelling of an English word to the
// American one: -ise/-isation → -ize/-ization, -yse → -yze, -our → -or,
// and the listed words (centre, defence, programme, catalogue…).
func americanSpelling(w string) string {
	if a, ok := ukWords[w]; ok {
		return a
	}
	if i := strings.LastIndex(w, "men"); i > 0 && i == len(w)-3 && menCompounds[w[:i]] {
		return w[:i] + "man"
	}
	for _, o := range ourWords {
		if strings.HasPrefix(w, o) {
			return o[:len(o)-2] + "r" + w[len(o):]
		}
	}
	for _, e := range izeEndings {
		if !strings.HasSuffix(w, e) {
			continue
		}
		base := w[:len(w)-len(e)]
		switch {
		case strings.HasSuffix(base, "is") && len(base) >= 5 && !izeExceptions[base]:
			return base[:len(base)-1] + "z" + e
		case strings.HasSuffix(base, "ys") && len(base) >= 5:
			return base[:len(base)-1] + "z" + e
		}
		break
	}
	return w
}

// derivedEndings are the derivational endings Snowball strips although
// the word they make is another term: nationalism is not nation,
// unilateralism not unilateral, security not secure, majority not major,
// organization not organ, national not nation, international not intern,
// a presidency (a chairmanship) not a president, a residency not a
// resident. These make nouns and adjectives only, never verbs, so a word
// with one keys as itself, its plural folded to the singular.
var derivedEndings = []struct{ plural, singular string }{
	{"isms", "ism"}, {"ities", "ity"}, {"izations", "ization"}, {"ionals", "ional"},
	{"encies", "ency"}, {"ancies", "ancy"},
}

// derivedSuffixes are the other endings that make a noun or an adjective
// of another word (Snowball's steps 2 to 4): containment is not contain,
// declaration not declare, a consultant not a consultation, renewable
// not renewal, federal not federation, governance not government, an
// officer not an office, peaceful not peace. A word whose Snowball stem
// cuts into one of them keys as itself (see derivedKey).
var derivedSuffixes = []string{
	"ment", "ion", "ance", "ence", "ant", "ent", "al", "able", "ible", "ive", "ous", "ic",
	"er", "or", "ness", "ful",
}

// keptWhole are words whose Snowball stem is another term's, with their
// keys: developed and developing countries are opposites, United
// (Nations, States) is not unit, a consulate is not a consul, a mediator
// not mediation, peacekeepers not peacekeeping.
var keptWhole = map[string]string{
	"developed": "developed", "developing": "developing", "united": "united",
	"consulate": "consulate", "consulates": "consulate", "mediator": "mediator", "mediators": "mediator",
	"peacekeeper": "peacekeeper", "peacekeepers": "peacekeeper",
}

// guardDerivation returns the key of a word Snowball would over-stem into
// another term, and false for any other word.
func guardDerivation(w string) (string, bool) {
	if k, ok := keptWhole[w]; ok {
		return k, true
	}
	for _, e := range derivedEndings {
		switch {
		case strings.HasSuffix(w, e.plural) && len(w) > len(e.plural)+2:
			return w[:len(w)-len(e.plural)] + e.singular, true
		case strings.HasSuffix(w, e.singular) && len(w) > len(e.singular)+2:
			return w, true
		}
	}
	return derivedKey(w)
}

// derivedKey returns the key of a word made with one of derivedSuffixes,
// or of an inflected form of one: the uninflected word itself
// (consultations → consultation, renewables → renewable). Only a word
// whose Snowball stem cuts into the suffix is guarded: Snowball keeps
// the -ment of comment, and the -able of table, so they and their forms
// key as Snowball has them. The inflected forms of a guarded word key as
// it does (positioned and positioning as position, experienced as
// experience), which a verb or a noun of the same spelling needs.
func derivedKey(w string) (string, bool) {
	for _, base := range inflectionBases(w) {
		for _, suf := range derivedSuffixes {
			if !strings.HasSuffix(base, suf) || len(base) < len(suf)+3 {
				continue
			}
			env := snowballstem.NewEnv(base)
			english.Stem(env)
			if len(env.Current()) <= len(base)-len(suf) {
				return base, true
			}
		}
	}
	return "", false
}

// inflectionBases returns the words w may be an inflected form of,
// itself first: the singular of a plural, the verb of an -ed or -ing form
// (with the e that -ed and -ing drop: experienced, experiencing).
func inflectionBases(w string) []string {
	out := []string{w}
	switch {
	case strings.HasSuffix(w, "ies"):
		// a -y word: no derived suffix ends in y
	case strings.HasSuffix(w, "es"):
		out = append(out, w[:len(w)-1], w[:len(w)-2])
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		out = append(out, w[:len(w)-1])
	case strings.HasSuffix(w, "ed"):
		out = append(out, w[:len(w)-1], w[:len(w)-2])
	case strings.HasSuffix(w, "ing"):
		out = append(out, w[:len(w)-3]+"e", w[:len(w)-3])
	}
	return out
}

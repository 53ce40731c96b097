package align

import "testing"

func TestWeakEnd(t *testing.T) {
	tests := []struct {
		s, next string
		caseful bool
		want    bool
	}{
		{"Mais au delà de la grosse tour , la neige est sans consistance ; ", "aucun des membres de la cordée ne peut assurer solidement .", true, true},
		{"Er berichtet , dass Spuren einem ( ", "braunen ) Bären herausgestellt hätten .", true, true},
		{"Ich bin der Ansicht , dass mit dem Schlachtruf « Bär !", "» und mit ein paar Bemerkungen", true, true},
		{"Er kam ,", "Und ging.", true, true},
		{"Il conviendra de s' en tenir à ce chiffre .", "A ma connaissance , la cote n' est pas publiée .", true, false},
		{"Он приехал в Москву.", "в тот же день начались переговоры.", true, true},
		// In a text that does not start its sentences in capitals, lower
		// case says nothing.
		{"bab kik.", "dod mem.", false, false},
		{"Сказал он.", "«Да», ответили ему.", true, false},
	}
	for _, tt := range tests {
		if got := weakEnd(tt.s, tt.next, tt.caseful); got != tt.want {
			t.Errorf("weakEnd(%q, %q, %v) = %v, want %v", tt.s, tt.next, tt.caseful, got, tt.want)
		}
	}
}

// TestAlignWeakEnd: a sentence the target splits at a semicolon is one
// bead with the source sentence it translates, though the lengths alone
// would pair its first half 1-1.
func TestAlignWeakEnd(t *testing.T) {
	src := lineSentences([]string{
		"Die Expedition erreichte am 12. Mai das Basislager.",
		"Aber hinter dem grossen Turm wird der Schnee grundlos, keiner von der Seilschaft hat sicheren Stand, die Spur wird zum Graben.",
		"Am Abend kehrten alle ins Lager zurück.",
	})
	tgt := lineSentences([]string{
		"L'expédition atteignit le camp de base le 12 mai.",
		"Mais au delà de la grosse tour, la neige est sans consistance, aucun des membres de la cordée ne peut assurer solidement;",
		"la trace devient une tranchée.",
		"Le soir, tous rentrèrent au camp.",
	})
	pairs := Align(src, tgt, Options{SourceLang: "de", TargetLang: "fr"})
	var kinds []string
	for _, p := range pairs {
		kinds = append(kinds, p.Kind())
	}
	if len(pairs) != 3 || pairs[1].Kind() != "1-2" {
		t.Errorf("beads %v, want 1-1 1-2 1-1", kinds)
	}
}

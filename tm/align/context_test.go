package align

import (
	"context"
	"errors"
	"testing"

	"tolmach/internal/lang"
)

// TestAlignTextsContext: a cancelled context stops the alignment with
// its error; a live one aligns as AlignTexts does.
func TestAlignTextsContext(t *testing.T) {
	src, tgt := "Первое предложение. Второе предложение.", "The first sentence. The second sentence."
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if a, err := AlignTextsContext(ctx, src, tgt, lang.RU, lang.EN, Options{}); !errors.Is(err, context.Canceled) || a != nil {
		t.Errorf("cancelled: %v, %v", a, err)
	}
	a, err := AlignTextsContext(context.Background(), src, tgt, lang.RU, lang.EN, Options{})
	if err != nil || len(a.Pairs) != 2 {
		t.Fatalf("live context: %+v %v", a, err)
	}
	b, _ := AlignTexts(src, tgt, lang.RU, lang.EN, Options{})
	if len(b.Pairs) != len(a.Pairs) || b.Pairs[0].Confidence != a.Pairs[0].Confidence {
		t.Errorf("AlignTextsContext %+v, AlignTexts %+v", a.Pairs, b.Pairs)
	}
}

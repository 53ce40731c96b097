package main

import (
	"bytes"
	"context"
	"errors"
	"testing"
)

// TestAlignHonoursContext: align passes its context to the aligner, so
// an interrupt stops the work instead of running it to the end.
func TestAlignHonoursContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	opts := &alignOptions{source: "../../data/samples/sco-eurasia.ru.txt", target: "../../data/samples/sco-eurasia.en.txt", format: "text", noGlossary: true}
	var stdout, stderr bytes.Buffer
	if err := runAlign(ctx, opts, &stdout, &stderr); !errors.Is(err, context.Canceled) {
		t.Fatalf("align with a cancelled context: %v, want %v", err, context.Canceled)
	}
	if err := runAlign(context.Background(), opts, &stdout, &stderr); err != nil {
		t.Fatalf("align: %v", err)
	}
	if stdout.Len() == 0 {
		t.Error("align wrote nothing")
	}
}

package serve

import (
	"runtime"
	"testing"
)

func TestHeapReserve(t *testing.T) {
	for _, tc := range []struct {
		live uint64
		want int
	}{
		{0, 0},
		{8 << 20, 1 << 20},
		{128 << 20, 16 << 20},
		{1 << 30, maxHeapReserve},
	} {
		if got := heapReserve(tc.live); got != tc.want {
			t.Errorf("heapReserve(%d) = %d, want %d", tc.live, got, tc.want)
		}
	}
}

// TestReturnGarbage: after returnGarbage, the heap's free memory still
// mapped is the reserve, not the garbage made before.
func TestReturnGarbage(t *testing.T) {
	// 64 MB live make an 8 MB reserve; 32 MB of garbage must go.
	live := make([]byte, 64<<20)
	for i := 0; i < 32; i++ {
		garbage := make([]byte, 1<<20)
		for j := 0; j < len(garbage); j += 4 << 10 {
			garbage[j] = 1
		}
	}
	returnGarbage()
	reserve := heapReserve(liveHeap())
	// Free and still mapped: not returned to the system.
	free := heapMetric("/memory/classes/heap/free:bytes")
	runtime.KeepAlive(live)
	if reserve < 8<<20 {
		t.Fatalf("reserve %d bytes with 64 MB live", reserve)
	}
	if free < uint64(reserve)*9/10 || free > uint64(reserve)+4<<20 {
		t.Errorf("%d bytes free and mapped after returnGarbage, want about the reserve (%d)", free, reserve)
	}
}

//go:build race

package serve

// raceEnabled scales the load test down under the race detector, which
// slows every request tenfold; the code paths are the same.
const raceEnabled = true

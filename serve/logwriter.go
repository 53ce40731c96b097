package serve

import (
	"bufio"
	"io"
	"sync"
	"time"
)

// LogWriter buffers a log (the server's request log, one line per
// request) in front of w and writes it out every FlushEvery or when its
// buffer fills, so that a request does not wait for a write to stderr.
// Close (or Flush) writes out what is left: call it when the server has
// stopped, and nothing logged is lost on shutdown. It is safe for
// concurrent use.
type LogWriter struct {
	mu   sync.Mutex
	buf  *bufio.Writer
	err  error // the first write error, returned by Flush and Close
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

// FlushEvery is how long a LogWriter keeps a line at most before writing
// it out: short enough for someone watching the log.
const FlushEvery = 100 * time.Millisecond

// NewLogWriter returns a LogWriter in front of w.
func NewLogWriter(w io.Writer) *LogWriter {
	l := &LogWriter{buf: bufio.NewWriterSize(w, 32<<10), stop: make(chan struct{}), done: make(chan struct{})}
	go l.flushLoop()
	return l
}

func (l *LogWriter) flushLoop() {
	defer close(l.done)
	t := time.NewTicker(FlushEvery)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
			l.Flush()
		}
	}
}

// Write buffers p (a whole log line: slog handlers write a record in one
// call, so lines are never interleaved).
func (l *LogWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	n, err := l.buf.Write(p)
	if err != nil && l.err == nil {
		l.err = err
	}
	return n, err
}

// Flush writes out what is buffered.
func (l *LogWriter) Flush() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.buf.Flush(); err != nil && l.err == nil {
		l.err = err
	}
	return l.err
}

// Close stops the periodic writing and writes out what is left. Writes
// after it are still written, at the next Flush or when the buffer fills.
func (l *LogWriter) Close() error {
	l.once.Do(func() {
		close(l.stop)
		<-l.done
	})
	return l.Flush()
}

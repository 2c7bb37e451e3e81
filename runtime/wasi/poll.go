package wasi

import (
	"context"
	"encoding/binary"
	"time"
)

// pollOneoff waits for the first of its subscriptions.
//
// Regular files and directories are always ready (as on every POSIX
// host), and so are writes. A read subscription on a standard stream that
// may block (a pipe, a terminal, an unknown io.Reader) is ready once bytes
// are buffered or the stream has ended; the first such poll hands the
// stream to a readPump so readiness can be observed. Only when nothing is
// ready does the call sleep, until a pending stream becomes readable, the
// earliest clock subscription expires, or ctx is done.
func pollOneoff(ctx context.Context, s *System, m memory, p []uint64) Errno {
	in, out, n := u32(p[0]), u32(p[1]), u32(p[2])
	if n == 0 {
		return ErrnoInval
	}
	if uint64(n)*subscriptionSize > 1<<32 {
		return ErrnoFault
	}
	subs, ok := m.slice(in, n*subscriptionSize)
	if !ok {
		return ErrnoFault
	}
	if _, ok := m.slice(out, n*eventSize); !ok {
		return ErrnoFault
	}
	if _, ok := m.slice(u32(p[3]), 4); !ok {
		return ErrnoFault
	}
	type clockSub struct {
		userdata uint64
		deadline int64 // monotonic nanoseconds
	}
	var clocks []clockSub
	// Streams whose reads would block now: the call waits for them and for
	// the clocks together.
	type pendingRead struct {
		userdata uint64
		stream   *stream
		wait     <-chan struct{}
	}
	var pending []pendingRead
	var events []byte // encoded events, eventSize each
	addEvent := func(userdata uint64, errno Errno, typ byte, nbytes uint64, flags uint16) {
		var ev [eventSize]byte
		binary.LittleEndian.PutUint64(ev[0:], userdata)
		binary.LittleEndian.PutUint16(ev[8:], uint16(errno))
		ev[10] = typ
		binary.LittleEndian.PutUint64(ev[16:], nbytes)
		binary.LittleEndian.PutUint16(ev[24:], flags)
		events = append(events, ev[:]...)
	}
	now := s.nanotime()
	for i := uint32(0); i < n; i++ {
		sub := subs[i*subscriptionSize : (i+1)*subscriptionSize]
		userdata := binary.LittleEndian.Uint64(sub[0:])
		switch tag := sub[8]; tag {
		case eventTypeClock:
			id := binary.LittleEndian.Uint32(sub[16:])
			timeout := binary.LittleEndian.Uint64(sub[24:])
			flags := binary.LittleEndian.Uint16(sub[40:])
			var wait int64
			if flags&subclockFlagsAbstime != 0 {
				t, e := s.now(id)
				if e != ErrnoSuccess {
					addEvent(userdata, e, tag, 0, 0)
					continue
				}
				wait = int64(timeout - t) // may be negative: already expired
				if timeout < t {
					wait = 0
				}
			} else {
				if id > clockThreadCPUTime {
					addEvent(userdata, ErrnoInval, tag, 0, 0)
					continue
				}
				wait = int64(min(timeout, 1<<62))
			}
			if wait < 0 {
				wait = 1 << 62
			}
			clocks = append(clocks, clockSub{userdata, now + wait})
		case eventTypeFdRead, eventTypeFdWrite:
			fd := binary.LittleEndian.Uint32(sub[16:])
			d, e := s.lookup(fd, RightPollFdReadwrite)
			if e == ErrnoNotcapable {
				// Preopens and Go's directories do not hold this right;
				// readiness of a descriptor is not a privilege worth refusing.
				d, e = s.lookup(fd, 0)
			}
			if e != ErrnoSuccess {
				addEvent(userdata, e, tag, 0, 0)
				continue
			}
			var nbytes uint64
			if st, ok := d.file.(*stream); ok && tag == eventTypeFdRead {
				n, ready, wait := st.pollRead()
				if !ready {
					pending = append(pending, pendingRead{userdata, st, wait})
					continue
				}
				nbytes = n
			} else if tag == eventTypeFdRead && d.file != nil {
				if st, err := d.file.stat(); err == nil && st.filetype == filetypeRegularFile {
					if pos, err := d.file.seek(0, 1); err == nil && uint64(pos) < st.size {
						nbytes = st.size - uint64(pos)
					}
				}
			}
			addEvent(userdata, ErrnoSuccess, tag, nbytes, 0)
		default:
			return ErrnoInval
		}
	}
	waited := false // the clocks were checked after waiting for streams
	for len(events) == 0 && len(pending) > 0 {
		waited = true
		// Wait for the first pending stream, the earliest clock or ctx.
		wctx, cancel := context.WithCancel(ctx)
		for _, pr := range pending {
			go func(wait <-chan struct{}) {
				select {
				case <-wait:
					cancel()
				case <-wctx.Done():
				}
			}(pr.wait)
		}
		wait := time.Duration(1 << 62)
		for _, c := range clocks {
			wait = min(wait, time.Duration(c.deadline-now))
		}
		err := s.sleep(wctx, wait)
		cancel()
		if ctx.Err() != nil {
			return ErrnoIntr
		}
		now = s.nanotime()
		for _, c := range clocks {
			if c.deadline <= now {
				addEvent(c.userdata, ErrnoSuccess, eventTypeClock, 0, 0)
			}
		}
		still := pending[:0]
		for _, pr := range pending {
			if n, ready, wait := pr.stream.pollRead(); ready {
				addEvent(pr.userdata, ErrnoSuccess, eventTypeFdRead, n, 0)
			} else {
				still = append(still, pendingRead{pr.userdata, pr.stream, wait})
			}
		}
		pending = still
		if err == nil && len(events) == 0 && len(clocks) > 0 {
			// The sleep ran its full course: the earliest clock fires even
			// if the clock source disagrees by a hair.
			first := clocks[0]
			for _, c := range clocks[1:] {
				if c.deadline < first.deadline {
					first = c
				}
			}
			addEvent(first.userdata, ErrnoSuccess, eventTypeClock, 0, 0)
		}
	}
	if waited {
		// Events are complete: clocks were checked after the wait.
	} else if len(events) == 0 && len(clocks) > 0 {
		earliest := clocks[0].deadline
		for _, c := range clocks[1:] {
			earliest = min(earliest, c.deadline)
		}
		if err := s.sleep(ctx, time.Duration(earliest-now)); err != nil {
			return ErrnoIntr
		}
		now = s.nanotime()
		for _, c := range clocks {
			if c.deadline <= now {
				addEvent(c.userdata, ErrnoSuccess, eventTypeClock, 0, 0)
			}
		}
		if len(events) == 0 {
			// A Sleep that returned early: report the earliest anyway, so a
			// guest polling a single timer always gets its event.
			for _, c := range clocks {
				if c.deadline == earliest {
					addEvent(c.userdata, ErrnoSuccess, eventTypeClock, 0, 0)
				}
			}
		}
	} else {
		for _, c := range clocks {
			if c.deadline <= now {
				addEvent(c.userdata, ErrnoSuccess, eventTypeClock, 0, 0)
			}
		}
	}
	dst, _ := m.slice(out, uint32(len(events)))
	copy(dst, events)
	m.putU32(u32(p[3]), uint32(len(events)/eventSize))
	return ErrnoSuccess
}

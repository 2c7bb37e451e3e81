package wasi

import (
	"context"
	"encoding/binary"
	"time"
)

// pollOneoff waits for the first of its subscriptions.
//
// Readiness of descriptors is decided without blocking: regular files and
// directories are always ready (as on every POSIX host); the standard
// streams are reported ready too, because kiln cannot ask an io.Reader
// whether a read would block — a guest then blocks in fd_read instead,
// which is what a blocking descriptor does anyway (known gap: a guest
// multiplexing stdin with a timer waits for stdin). Only when no
// descriptor is ready does the call sleep, until the earliest clock
// subscription expires or ctx is done.
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
			if tag == eventTypeFdRead && d.file != nil {
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
	if len(events) == 0 && len(clocks) > 0 {
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

package amd64

// Op constants, one per row of Rows, in table order.
const (
	AddMR Op = iota
	AddRM
	AddMI
	AddMI8
	OrMR
	OrRM
	OrMI
	OrMI8
	AdcMR
	AdcRM
	AdcMI
	AdcMI8
	SbbMR
	SbbRM
	SbbMI
	SbbMI8
	AndMR
	AndRM
	AndMI
	AndMI8
	SubMR
	SubRM
	SubMI
	SubMI8
	XorMR
	XorRM
	XorMI
	XorMI8
	CmpMR
	CmpRM
	CmpMI
	CmpMI8
	TestMR
	TestMI
	NotM
	NegM
	MulM
	Imul1M
	DivM
	IdivM
	IncM
	DecM
	RolMI
	RorMI
	RclMI
	RcrMI
	ShlMI
	ShrMI
	SarMI
	RolMCL
	RorMCL
	RclMCL
	RcrMCL
	ShlMCL
	ShrMCL
	SarMCL
	ImulRM
	ImulRMI8
	ImulRMI
	CwdCdqCqo
	CbwCwdeCdqe
	MovMR
	MovRM
	MovMI
	MovOI
	MovzxB
	MovzxW
	MovsxB
	MovsxW
	Movsxd
	Lea
	Setcc
	Cmovcc
	Jcc8
	Jcc32
	Jmp8
	Jmp32
	Call32
	CallM
	JmpM
	Ret
	RetI
	PushO
	PopO
	PushM
	PushI8
	PushI32
	Ud2
	Int3
	Nop
	NopM
	Pause
	Mfence
	Lfence
	Sfence
	Hlt
	BtMR
	BtMI
	BswapO
	Popcnt
	Lzcnt
	Tzcnt
	Bsf
	Bsr
	XchgMR
	CmpxchgMR
	XaddMR
	Movss
	MovssSt
	Movsd
	MovsdSt
	Movaps
	MovapsSt
	Movapd
	MovapdSt
	Movups
	MovupsSt
	Movupd
	MovupdSt
	Movdqa
	MovdqaSt
	Movdqu
	MovdquSt
	MovdToX
	MovdFromX
	Movq
	MovqSt
	Movhlps
	Movlhps
	Addss
	Addsd
	Addps
	Addpd
	Mulss
	Mulsd
	Mulps
	Mulpd
	Subss
	Subsd
	Subps
	Subpd
	Minss
	Minsd
	Minps
	Minpd
	Divss
	Divsd
	Divps
	Divpd
	Maxss
	Maxsd
	Maxps
	Maxpd
	Sqrtss
	Sqrtsd
	Sqrtps
	Sqrtpd
	Rcpps
	Rsqrtps
	Ucomiss
	Ucomisd
	Comiss
	Comisd
	Cmpps
	Cmppd
	Cmpss
	Cmpsd
	Cvtss2sd
	Cvtsd2ss
	Cvtps2pd
	Cvtpd2ps
	Cvtdq2ps
	Cvttps2dq
	Cvtps2dq
	Cvtdq2pd
	Cvttpd2dq
	Cvtpd2dq
	Cvtsi2ss
	Cvtsi2sd
	Cvttss2si
	Cvttsd2si
	Cvtss2si
	Cvtsd2si
	Roundss
	Roundsd
	Roundps
	Roundpd
	Andps
	Andpd
	Andnps
	Andnpd
	Orps
	Orpd
	Xorps
	Xorpd
	Pand
	Pandn
	Por
	Pxor
	Blendvps
	Blendvpd
	Pblendvb
	Blendps
	Blendpd
	Pblendw
	Pshufb
	Pshufd
	Pshuflw
	Pshufhw
	Shufps
	Shufpd
	Palignr
	Punpcklbw
	Punpcklwd
	Punpckldq
	Punpcklqdq
	Punpckhbw
	Punpckhwd
	Punpckhdq
	Punpckhqdq
	Unpcklps
	Unpckhps
	Unpcklpd
	Unpckhpd
	Paddb
	Paddw
	Paddd
	Paddq
	Paddsb
	Paddsw
	Paddusb
	Paddusw
	Psubb
	Psubw
	Psubd
	Psubq
	Psubsb
	Psubsw
	Psubusb
	Psubusw
	Pmullw
	Pmulhw
	Pmulhuw
	Pmuludq
	Pmaddwd
	Pavgb
	Pavgw
	Pcmpeqb
	Pcmpeqw
	Pcmpeqd
	Pcmpgtb
	Pcmpgtw
	Pcmpgtd
	Pminsw
	Pminub
	Pmaxsw
	Pmaxub
	Psadbw
	Packsswb
	Packssdw
	Packuswb
	Pmulld
	Pmuldq
	Pcmpeqq
	Pcmpgtq
	Pminsb
	Pminsd
	Pminuw
	Pminud
	Pmaxsb
	Pmaxsd
	Pmaxuw
	Pmaxud
	Packusdw
	Pmaddubsw
	Pmulhrsw
	Pabsb
	Pabsw
	Pabsd
	Ptest
	Pmovsxbw
	Pmovsxbd
	Pmovsxbq
	Pmovsxwd
	Pmovsxwq
	Pmovsxdq
	Pmovzxbw
	Pmovzxbd
	Pmovzxbq
	Pmovzxwd
	Pmovzxwq
	Pmovzxdq
	Pmovmskb
	Movmskps
	Movmskpd
	Pinsrb
	Pinsrw
	Pinsrd
	Pinsrq
	Pextrb
	Pextrw
	Pextrd
	Pextrq
	Insertps
	Extractps
	Psllw
	Pslld
	Psllq
	Psrlw
	Psrld
	Psrlq
	Psraw
	Psrad
	PsllwI
	PsrlwI
	PsrawI
	PslldI
	PsrldI
	PsradI
	PsllqI
	PsrlqI
	PslldqI
	PsrldqI
	Pbroadcastb
	Pbroadcastw
	Pbroadcastd
	Pbroadcastq
	Psllvd
	Psllvq
	Psrlvd
	Psrlvq
	Psravd
)

var opNames = [...]string{
	AddMR:       "AddMR",
	AddRM:       "AddRM",
	AddMI:       "AddMI",
	AddMI8:      "AddMI8",
	OrMR:        "OrMR",
	OrRM:        "OrRM",
	OrMI:        "OrMI",
	OrMI8:       "OrMI8",
	AdcMR:       "AdcMR",
	AdcRM:       "AdcRM",
	AdcMI:       "AdcMI",
	AdcMI8:      "AdcMI8",
	SbbMR:       "SbbMR",
	SbbRM:       "SbbRM",
	SbbMI:       "SbbMI",
	SbbMI8:      "SbbMI8",
	AndMR:       "AndMR",
	AndRM:       "AndRM",
	AndMI:       "AndMI",
	AndMI8:      "AndMI8",
	SubMR:       "SubMR",
	SubRM:       "SubRM",
	SubMI:       "SubMI",
	SubMI8:      "SubMI8",
	XorMR:       "XorMR",
	XorRM:       "XorRM",
	XorMI:       "XorMI",
	XorMI8:      "XorMI8",
	CmpMR:       "CmpMR",
	CmpRM:       "CmpRM",
	CmpMI:       "CmpMI",
	CmpMI8:      "CmpMI8",
	TestMR:      "TestMR",
	TestMI:      "TestMI",
	NotM:        "NotM",
	NegM:        "NegM",
	MulM:        "MulM",
	Imul1M:      "Imul1M",
	DivM:        "DivM",
	IdivM:       "IdivM",
	IncM:        "IncM",
	DecM:        "DecM",
	RolMI:       "RolMI",
	RorMI:       "RorMI",
	RclMI:       "RclMI",
	RcrMI:       "RcrMI",
	ShlMI:       "ShlMI",
	ShrMI:       "ShrMI",
	SarMI:       "SarMI",
	RolMCL:      "RolMCL",
	RorMCL:      "RorMCL",
	RclMCL:      "RclMCL",
	RcrMCL:      "RcrMCL",
	ShlMCL:      "ShlMCL",
	ShrMCL:      "ShrMCL",
	SarMCL:      "SarMCL",
	ImulRM:      "ImulRM",
	ImulRMI8:    "ImulRMI8",
	ImulRMI:     "ImulRMI",
	CwdCdqCqo:   "CwdCdqCqo",
	CbwCwdeCdqe: "CbwCwdeCdqe",
	MovMR:       "MovMR",
	MovRM:       "MovRM",
	MovMI:       "MovMI",
	MovOI:       "MovOI",
	MovzxB:      "MovzxB",
	MovzxW:      "MovzxW",
	MovsxB:      "MovsxB",
	MovsxW:      "MovsxW",
	Movsxd:      "Movsxd",
	Lea:         "Lea",
	Setcc:       "Setcc",
	Cmovcc:      "Cmovcc",
	Jcc8:        "Jcc8",
	Jcc32:       "Jcc32",
	Jmp8:        "Jmp8",
	Jmp32:       "Jmp32",
	Call32:      "Call32",
	CallM:       "CallM",
	JmpM:        "JmpM",
	Ret:         "Ret",
	RetI:        "RetI",
	PushO:       "PushO",
	PopO:        "PopO",
	PushM:       "PushM",
	PushI8:      "PushI8",
	PushI32:     "PushI32",
	Ud2:         "Ud2",
	Int3:        "Int3",
	Nop:         "Nop",
	NopM:        "NopM",
	Pause:       "Pause",
	Mfence:      "Mfence",
	Lfence:      "Lfence",
	Sfence:      "Sfence",
	Hlt:         "Hlt",
	BtMR:        "BtMR",
	BtMI:        "BtMI",
	BswapO:      "BswapO",
	Popcnt:      "Popcnt",
	Lzcnt:       "Lzcnt",
	Tzcnt:       "Tzcnt",
	Bsf:         "Bsf",
	Bsr:         "Bsr",
	XchgMR:      "XchgMR",
	CmpxchgMR:   "CmpxchgMR",
	XaddMR:      "XaddMR",
	Movss:       "Movss",
	MovssSt:     "MovssSt",
	Movsd:       "Movsd",
	MovsdSt:     "MovsdSt",
	Movaps:      "Movaps",
	MovapsSt:    "MovapsSt",
	Movapd:      "Movapd",
	MovapdSt:    "MovapdSt",
	Movups:      "Movups",
	MovupsSt:    "MovupsSt",
	Movupd:      "Movupd",
	MovupdSt:    "MovupdSt",
	Movdqa:      "Movdqa",
	MovdqaSt:    "MovdqaSt",
	Movdqu:      "Movdqu",
	MovdquSt:    "MovdquSt",
	MovdToX:     "MovdToX",
	MovdFromX:   "MovdFromX",
	Movq:        "Movq",
	MovqSt:      "MovqSt",
	Movhlps:     "Movhlps",
	Movlhps:     "Movlhps",
	Addss:       "Addss",
	Addsd:       "Addsd",
	Addps:       "Addps",
	Addpd:       "Addpd",
	Mulss:       "Mulss",
	Mulsd:       "Mulsd",
	Mulps:       "Mulps",
	Mulpd:       "Mulpd",
	Subss:       "Subss",
	Subsd:       "Subsd",
	Subps:       "Subps",
	Subpd:       "Subpd",
	Minss:       "Minss",
	Minsd:       "Minsd",
	Minps:       "Minps",
	Minpd:       "Minpd",
	Divss:       "Divss",
	Divsd:       "Divsd",
	Divps:       "Divps",
	Divpd:       "Divpd",
	Maxss:       "Maxss",
	Maxsd:       "Maxsd",
	Maxps:       "Maxps",
	Maxpd:       "Maxpd",
	Sqrtss:      "Sqrtss",
	Sqrtsd:      "Sqrtsd",
	Sqrtps:      "Sqrtps",
	Sqrtpd:      "Sqrtpd",
	Rcpps:       "Rcpps",
	Rsqrtps:     "Rsqrtps",
	Ucomiss:     "Ucomiss",
	Ucomisd:     "Ucomisd",
	Comiss:      "Comiss",
	Comisd:      "Comisd",
	Cmpps:       "Cmpps",
	Cmppd:       "Cmppd",
	Cmpss:       "Cmpss",
	Cmpsd:       "Cmpsd",
	Cvtss2sd:    "Cvtss2sd",
	Cvtsd2ss:    "Cvtsd2ss",
	Cvtps2pd:    "Cvtps2pd",
	Cvtpd2ps:    "Cvtpd2ps",
	Cvtdq2ps:    "Cvtdq2ps",
	Cvttps2dq:   "Cvttps2dq",
	Cvtps2dq:    "Cvtps2dq",
	Cvtdq2pd:    "Cvtdq2pd",
	Cvttpd2dq:   "Cvttpd2dq",
	Cvtpd2dq:    "Cvtpd2dq",
	Cvtsi2ss:    "Cvtsi2ss",
	Cvtsi2sd:    "Cvtsi2sd",
	Cvttss2si:   "Cvttss2si",
	Cvttsd2si:   "Cvttsd2si",
	Cvtss2si:    "Cvtss2si",
	Cvtsd2si:    "Cvtsd2si",
	Roundss:     "Roundss",
	Roundsd:     "Roundsd",
	Roundps:     "Roundps",
	Roundpd:     "Roundpd",
	Andps:       "Andps",
	Andpd:       "Andpd",
	Andnps:      "Andnps",
	Andnpd:      "Andnpd",
	Orps:        "Orps",
	Orpd:        "Orpd",
	Xorps:       "Xorps",
	Xorpd:       "Xorpd",
	Pand:        "Pand",
	Pandn:       "Pandn",
	Por:         "Por",
	Pxor:        "Pxor",
	Blendvps:    "Blendvps",
	Blendvpd:    "Blendvpd",
	Pblendvb:    "Pblendvb",
	Blendps:     "Blendps",
	Blendpd:     "Blendpd",
	Pblendw:     "Pblendw",
	Pshufb:      "Pshufb",
	Pshufd:      "Pshufd",
	Pshuflw:     "Pshuflw",
	Pshufhw:     "Pshufhw",
	Shufps:      "Shufps",
	Shufpd:      "Shufpd",
	Palignr:     "Palignr",
	Punpcklbw:   "Punpcklbw",
	Punpcklwd:   "Punpcklwd",
	Punpckldq:   "Punpckldq",
	Punpcklqdq:  "Punpcklqdq",
	Punpckhbw:   "Punpckhbw",
	Punpckhwd:   "Punpckhwd",
	Punpckhdq:   "Punpckhdq",
	Punpckhqdq:  "Punpckhqdq",
	Unpcklps:    "Unpcklps",
	Unpckhps:    "Unpckhps",
	Unpcklpd:    "Unpcklpd",
	Unpckhpd:    "Unpckhpd",
	Paddb:       "Paddb",
	Paddw:       "Paddw",
	Paddd:       "Paddd",
	Paddq:       "Paddq",
	Paddsb:      "Paddsb",
	Paddsw:      "Paddsw",
	Paddusb:     "Paddusb",
	Paddusw:     "Paddusw",
	Psubb:       "Psubb",
	Psubw:       "Psubw",
	Psubd:       "Psubd",
	Psubq:       "Psubq",
	Psubsb:      "Psubsb",
	Psubsw:      "Psubsw",
	Psubusb:     "Psubusb",
	Psubusw:     "Psubusw",
	Pmullw:      "Pmullw",
	Pmulhw:      "Pmulhw",
	Pmulhuw:     "Pmulhuw",
	Pmuludq:     "Pmuludq",
	Pmaddwd:     "Pmaddwd",
	Pavgb:       "Pavgb",
	Pavgw:       "Pavgw",
	Pcmpeqb:     "Pcmpeqb",
	Pcmpeqw:     "Pcmpeqw",
	Pcmpeqd:     "Pcmpeqd",
	Pcmpgtb:     "Pcmpgtb",
	Pcmpgtw:     "Pcmpgtw",
	Pcmpgtd:     "Pcmpgtd",
	Pminsw:      "Pminsw",
	Pminub:      "Pminub",
	Pmaxsw:      "Pmaxsw",
	Pmaxub:      "Pmaxub",
	Psadbw:      "Psadbw",
	Packsswb:    "Packsswb",
	Packssdw:    "Packssdw",
	Packuswb:    "Packuswb",
	Pmulld:      "Pmulld",
	Pmuldq:      "Pmuldq",
	Pcmpeqq:     "Pcmpeqq",
	Pcmpgtq:     "Pcmpgtq",
	Pminsb:      "Pminsb",
	Pminsd:      "Pminsd",
	Pminuw:      "Pminuw",
	Pminud:      "Pminud",
	Pmaxsb:      "Pmaxsb",
	Pmaxsd:      "Pmaxsd",
	Pmaxuw:      "Pmaxuw",
	Pmaxud:      "Pmaxud",
	Packusdw:    "Packusdw",
	Pmaddubsw:   "Pmaddubsw",
	Pmulhrsw:    "Pmulhrsw",
	Pabsb:       "Pabsb",
	Pabsw:       "Pabsw",
	Pabsd:       "Pabsd",
	Ptest:       "Ptest",
	Pmovsxbw:    "Pmovsxbw",
	Pmovsxbd:    "Pmovsxbd",
	Pmovsxbq:    "Pmovsxbq",
	Pmovsxwd:    "Pmovsxwd",
	Pmovsxwq:    "Pmovsxwq",
	Pmovsxdq:    "Pmovsxdq",
	Pmovzxbw:    "Pmovzxbw",
	Pmovzxbd:    "Pmovzxbd",
	Pmovzxbq:    "Pmovzxbq",
	Pmovzxwd:    "Pmovzxwd",
	Pmovzxwq:    "Pmovzxwq",
	Pmovzxdq:    "Pmovzxdq",
	Pmovmskb:    "Pmovmskb",
	Movmskps:    "Movmskps",
	Movmskpd:    "Movmskpd",
	Pinsrb:      "Pinsrb",
	Pinsrw:      "Pinsrw",
	Pinsrd:      "Pinsrd",
	Pinsrq:      "Pinsrq",
	Pextrb:      "Pextrb",
	Pextrw:      "Pextrw",
	Pextrd:      "Pextrd",
	Pextrq:      "Pextrq",
	Insertps:    "Insertps",
	Extractps:   "Extractps",
	Psllw:       "Psllw",
	Pslld:       "Pslld",
	Psllq:       "Psllq",
	Psrlw:       "Psrlw",
	Psrld:       "Psrld",
	Psrlq:       "Psrlq",
	Psraw:       "Psraw",
	Psrad:       "Psrad",
	PsllwI:      "PsllwI",
	PsrlwI:      "PsrlwI",
	PsrawI:      "PsrawI",
	PslldI:      "PslldI",
	PsrldI:      "PsrldI",
	PsradI:      "PsradI",
	PsllqI:      "PsllqI",
	PsrlqI:      "PsrlqI",
	PslldqI:     "PslldqI",
	PsrldqI:     "PsrldqI",
	Pbroadcastb: "Pbroadcastb",
	Pbroadcastw: "Pbroadcastw",
	Pbroadcastd: "Pbroadcastd",
	Pbroadcastq: "Pbroadcastq",
	Psllvd:      "Psllvd",
	Psllvq:      "Psllvq",
	Psrlvd:      "Psrlvd",
	Psrlvq:      "Psrlvq",
	Psravd:      "Psravd",
}

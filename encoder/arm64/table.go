package arm64

//go:generate go run gen_ops.go

// rows is the encoding table: one row per encoding and operand shape,
// indexed by Op. Fixed holds every bit no operand sets; Args lists the
// operands in assembly order (token grammar in parseArg; register fields are
// d=0 n=5 m=16 a=10 t=0 t2=10 s=16). The comment above each row or group is
// the Arm ARM's assembler syntax. Names are the mnemonics objdump prints,
// so an alias (cmp, mov, lsl, cset, ...) is a row of its own whose Fixed
// already holds the bits the alias pins (e.g. Rd = 31 for cmp).
//
// Op constants are generated from the keys below by gen_ops.go.
var rows = [...]row{
	// ---- Add/subtract (immediate) ----
	// ADD  <Wd|WSP>, <Wn|WSP>, #<imm>{, <shift>}
	ADDWi: {Name: "add", Fixed: 0x11000000, Args: "Wd|WSP Wn|WSP #imm12 {lsl#12}"},
	ADDXi: {Name: "add", Fixed: 0x91000000, Args: "Xd|SP Xn|SP #imm12 {lsl#12}"},
	// ADDS <Wd>, <Wn|WSP>, #<imm>{, <shift>}
	ADDSWi: {Name: "adds", Fixed: 0x31000000, Args: "Wd Wn|WSP #imm12 {lsl#12}"},
	ADDSXi: {Name: "adds", Fixed: 0xb1000000, Args: "Xd Xn|SP #imm12 {lsl#12}"},
	// SUB  <Wd|WSP>, <Wn|WSP>, #<imm>{, <shift>}
	SUBWi: {Name: "sub", Fixed: 0x51000000, Args: "Wd|WSP Wn|WSP #imm12 {lsl#12}"},
	SUBXi: {Name: "sub", Fixed: 0xd1000000, Args: "Xd|SP Xn|SP #imm12 {lsl#12}"},
	// SUBS <Wd>, <Wn|WSP>, #<imm>{, <shift>}
	SUBSWi: {Name: "subs", Fixed: 0x71000000, Args: "Wd Wn|WSP #imm12 {lsl#12}"},
	SUBSXi: {Name: "subs", Fixed: 0xf1000000, Args: "Xd Xn|SP #imm12 {lsl#12}"},
	// CMP <Wn|WSP>, #<imm>{, <shift>}        (SUBS WZR, ...)
	CMPWi: {Name: "cmp", Fixed: 0x7100001f, Args: "Wn|WSP #imm12 {lsl#12}"},
	CMPXi: {Name: "cmp", Fixed: 0xf100001f, Args: "Xn|SP #imm12 {lsl#12}"},
	// CMN <Wn|WSP>, #<imm>{, <shift>}        (ADDS WZR, ...)
	CMNWi: {Name: "cmn", Fixed: 0x3100001f, Args: "Wn|WSP #imm12 {lsl#12}"},
	CMNXi: {Name: "cmn", Fixed: 0xb100001f, Args: "Xn|SP #imm12 {lsl#12}"},
	// MOV <Wd|WSP>, <Wn|WSP>                 (ADD ..., #0; preferred when either is SP)
	MOVWsp: {Name: "mov", Fixed: 0x11000000, Args: "Wd|WSP Wn|WSP"},
	MOVXsp: {Name: "mov", Fixed: 0x91000000, Args: "Xd|SP Xn|SP"},

	// ---- Add/subtract (shifted register) ----
	// ADD <Wd>, <Wn>, <Wm>{, <shift> #<amount>}   (shift: LSL, LSR, ASR)
	ADDWrs:  {Name: "add", Fixed: 0x0b000000, Args: "Wd Wn Wm {shift/noror}"},
	ADDXrs:  {Name: "add", Fixed: 0x8b000000, Args: "Xd Xn Xm {shift/noror}"},
	ADDSWrs: {Name: "adds", Fixed: 0x2b000000, Args: "Wd Wn Wm {shift/noror}"},
	ADDSXrs: {Name: "adds", Fixed: 0xab000000, Args: "Xd Xn Xm {shift/noror}"},
	SUBWrs:  {Name: "sub", Fixed: 0x4b000000, Args: "Wd Wn Wm {shift/noror}"},
	SUBXrs:  {Name: "sub", Fixed: 0xcb000000, Args: "Xd Xn Xm {shift/noror}"},
	SUBSWrs: {Name: "subs", Fixed: 0x6b000000, Args: "Wd Wn Wm {shift/noror}"},
	SUBSXrs: {Name: "subs", Fixed: 0xeb000000, Args: "Xd Xn Xm {shift/noror}"},
	// CMP <Wn>, <Wm>{, <shift> #<amount>}          (SUBS WZR, ...)
	CMPWrs: {Name: "cmp", Fixed: 0x6b00001f, Args: "Wn Wm {shift/noror}"},
	CMPXrs: {Name: "cmp", Fixed: 0xeb00001f, Args: "Xn Xm {shift/noror}"},
	// CMN <Wn>, <Wm>{, <shift> #<amount>}          (ADDS WZR, ...)
	CMNWrs: {Name: "cmn", Fixed: 0x2b00001f, Args: "Wn Wm {shift/noror}"},
	CMNXrs: {Name: "cmn", Fixed: 0xab00001f, Args: "Xn Xm {shift/noror}"},
	// NEG <Wd>, <Wm>{, <shift> #<amount>}          (SUB ..., WZR, ...)
	NEGWrs: {Name: "neg", Fixed: 0x4b0003e0, Args: "Wd Wm {shift/noror}"},
	NEGXrs: {Name: "neg", Fixed: 0xcb0003e0, Args: "Xd Xm {shift/noror}"},
	// NEGS <Wd>, <Wm>{, <shift> #<amount>}         (SUBS ..., WZR, ...)
	NEGSWrs: {Name: "negs", Fixed: 0x6b0003e0, Args: "Wd Wm {shift/noror}"},
	NEGSXrs: {Name: "negs", Fixed: 0xeb0003e0, Args: "Xd Xm {shift/noror}"},

	// ---- Add/subtract (extended register) ----
	// ADD <Xd|SP>, <Xn|SP>, <R><m>{, <extend> {#<amount>}}
	ADDWrx:  {Name: "add", Fixed: 0x0b200000, Args: "Wd|WSP Wn|WSP Rm.ext {extend}"},
	ADDXrx:  {Name: "add", Fixed: 0x8b200000, Args: "Xd|SP Xn|SP Rm.ext {extend}"},
	ADDSWrx: {Name: "adds", Fixed: 0x2b200000, Args: "Wd Wn|WSP Rm.ext {extend}"},
	ADDSXrx: {Name: "adds", Fixed: 0xab200000, Args: "Xd Xn|SP Rm.ext {extend}"},
	SUBWrx:  {Name: "sub", Fixed: 0x4b200000, Args: "Wd|WSP Wn|WSP Rm.ext {extend}"},
	SUBXrx:  {Name: "sub", Fixed: 0xcb200000, Args: "Xd|SP Xn|SP Rm.ext {extend}"},
	SUBSWrx: {Name: "subs", Fixed: 0x6b200000, Args: "Wd Wn|WSP Rm.ext {extend}"},
	SUBSXrx: {Name: "subs", Fixed: 0xeb200000, Args: "Xd Xn|SP Rm.ext {extend}"},
	// CMP <Xn|SP>, <R><m>{, <extend> {#<amount>}}
	CMPWrx: {Name: "cmp", Fixed: 0x6b20001f, Args: "Wn|WSP Rm.ext {extend}"},
	CMPXrx: {Name: "cmp", Fixed: 0xeb20001f, Args: "Xn|SP Rm.ext {extend}"},
	// CMN <Xn|SP>, <R><m>{, <extend> {#<amount>}}
	CMNWrx: {Name: "cmn", Fixed: 0x2b20001f, Args: "Wn|WSP Rm.ext {extend}"},
	CMNXrx: {Name: "cmn", Fixed: 0xab20001f, Args: "Xn|SP Rm.ext {extend}"},

	// ---- Add/subtract with carry ----
	// ADC <Wd>, <Wn>, <Wm>
	ADCW:  {Name: "adc", Fixed: 0x1a000000, Args: "Wd Wn Wm"},
	ADCX:  {Name: "adc", Fixed: 0x9a000000, Args: "Xd Xn Xm"},
	ADCSW: {Name: "adcs", Fixed: 0x3a000000, Args: "Wd Wn Wm"},
	ADCSX: {Name: "adcs", Fixed: 0xba000000, Args: "Xd Xn Xm"},
	SBCW:  {Name: "sbc", Fixed: 0x5a000000, Args: "Wd Wn Wm"},
	SBCX:  {Name: "sbc", Fixed: 0xda000000, Args: "Xd Xn Xm"},
	SBCSW: {Name: "sbcs", Fixed: 0x7a000000, Args: "Wd Wn Wm"},
	SBCSX: {Name: "sbcs", Fixed: 0xfa000000, Args: "Xd Xn Xm"},
	// NGC <Wd>, <Wm>                         (SBC <Wd>, WZR, <Wm>)
	NGCW:  {Name: "ngc", Fixed: 0x5a0003e0, Args: "Wd Wm"},
	NGCX:  {Name: "ngc", Fixed: 0xda0003e0, Args: "Xd Xm"},
	NGCSW: {Name: "ngcs", Fixed: 0x7a0003e0, Args: "Wd Wm"},
	NGCSX: {Name: "ngcs", Fixed: 0xfa0003e0, Args: "Xd Xm"},

	// ---- Logical (immediate) ----
	// AND <Wd|WSP>, <Wn>, #<imm>
	ANDWri: {Name: "and", Fixed: 0x12000000, Args: "Wd|WSP Wn #bimm"},
	ANDXri: {Name: "and", Fixed: 0x92000000, Args: "Xd|SP Xn #bimm"},
	ORRWri: {Name: "orr", Fixed: 0x32000000, Args: "Wd|WSP Wn #bimm"},
	ORRXri: {Name: "orr", Fixed: 0xb2000000, Args: "Xd|SP Xn #bimm"},
	EORWri: {Name: "eor", Fixed: 0x52000000, Args: "Wd|WSP Wn #bimm"},
	EORXri: {Name: "eor", Fixed: 0xd2000000, Args: "Xd|SP Xn #bimm"},
	// ANDS <Wd>, <Wn>, #<imm>
	ANDSWri: {Name: "ands", Fixed: 0x72000000, Args: "Wd Wn #bimm"},
	ANDSXri: {Name: "ands", Fixed: 0xf2000000, Args: "Xd Xn #bimm"},
	// TST <Wn>, #<imm>                      (ANDS WZR, ...)
	TSTWri: {Name: "tst", Fixed: 0x7200001f, Args: "Wn #bimm"},
	TSTXri: {Name: "tst", Fixed: 0xf200001f, Args: "Xn #bimm"},
	// MOV <Wd|WSP>, #<imm>                  (ORR ..., WZR, #<imm>)
	MOVWbm: {Name: "mov", Fixed: 0x320003e0, Args: "Wd|WSP #bimm"},
	MOVXbm: {Name: "mov", Fixed: 0xb20003e0, Args: "Xd|SP #bimm"},

	// ---- Logical (shifted register) ----
	// AND <Wd>, <Wn>, <Wm>{, <shift> #<amount>}   (shift: LSL, LSR, ASR, ROR)
	ANDWrs:  {Name: "and", Fixed: 0x0a000000, Args: "Wd Wn Wm {shift}"},
	ANDXrs:  {Name: "and", Fixed: 0x8a000000, Args: "Xd Xn Xm {shift}"},
	BICWrs:  {Name: "bic", Fixed: 0x0a200000, Args: "Wd Wn Wm {shift}"},
	BICXrs:  {Name: "bic", Fixed: 0x8a200000, Args: "Xd Xn Xm {shift}"},
	ORRWrs:  {Name: "orr", Fixed: 0x2a000000, Args: "Wd Wn Wm {shift}"},
	ORRXrs:  {Name: "orr", Fixed: 0xaa000000, Args: "Xd Xn Xm {shift}"},
	ORNWrs:  {Name: "orn", Fixed: 0x2a200000, Args: "Wd Wn Wm {shift}"},
	ORNXrs:  {Name: "orn", Fixed: 0xaa200000, Args: "Xd Xn Xm {shift}"},
	EORWrs:  {Name: "eor", Fixed: 0x4a000000, Args: "Wd Wn Wm {shift}"},
	EORXrs:  {Name: "eor", Fixed: 0xca000000, Args: "Xd Xn Xm {shift}"},
	EONWrs:  {Name: "eon", Fixed: 0x4a200000, Args: "Wd Wn Wm {shift}"},
	EONXrs:  {Name: "eon", Fixed: 0xca200000, Args: "Xd Xn Xm {shift}"},
	ANDSWrs: {Name: "ands", Fixed: 0x6a000000, Args: "Wd Wn Wm {shift}"},
	ANDSXrs: {Name: "ands", Fixed: 0xea000000, Args: "Xd Xn Xm {shift}"},
	BICSWrs: {Name: "bics", Fixed: 0x6a200000, Args: "Wd Wn Wm {shift}"},
	BICSXrs: {Name: "bics", Fixed: 0xea200000, Args: "Xd Xn Xm {shift}"},
	// MOV <Wd>, <Wm>                         (ORR <Wd>, WZR, <Wm>)
	MOVWr: {Name: "mov", Fixed: 0x2a0003e0, Args: "Wd Wm"},
	MOVXr: {Name: "mov", Fixed: 0xaa0003e0, Args: "Xd Xm"},
	// MVN <Wd>, <Wm>{, <shift> #<amount>}    (ORN <Wd>, WZR, ...)
	MVNWrs: {Name: "mvn", Fixed: 0x2a2003e0, Args: "Wd Wm {shift}"},
	MVNXrs: {Name: "mvn", Fixed: 0xaa2003e0, Args: "Xd Xm {shift}"},
	// TST <Wn>, <Wm>{, <shift> #<amount>}    (ANDS WZR, ...)
	TSTWrs: {Name: "tst", Fixed: 0x6a00001f, Args: "Wn Wm {shift}"},
	TSTXrs: {Name: "tst", Fixed: 0xea00001f, Args: "Xn Xm {shift}"},

	// ---- Move wide (immediate) ----
	// MOVN <Wd>, #<imm>{, LSL #<shift>}
	MOVNWi: {Name: "movn", Fixed: 0x12800000, Args: "Wd #imm16@5 {lsl#hw}"},
	MOVNXi: {Name: "movn", Fixed: 0x92800000, Args: "Xd #imm16@5 {lsl#hw}"},
	MOVZWi: {Name: "movz", Fixed: 0x52800000, Args: "Wd #imm16@5 {lsl#hw}"},
	MOVZXi: {Name: "movz", Fixed: 0xd2800000, Args: "Xd #imm16@5 {lsl#hw}"},
	MOVKWi: {Name: "movk", Fixed: 0x72800000, Args: "Wd #imm16@5 {lsl#hw}"},
	MOVKXi: {Name: "movk", Fixed: 0xf2800000, Args: "Xd #imm16@5 {lsl#hw}"},
	// MOV <Wd>, #<imm>                       (MOVZ: one nonzero 16-bit chunk)
	MOVWwz: {Name: "mov", Fixed: 0x52800000, Args: "Wd #movz"},
	MOVXwz: {Name: "mov", Fixed: 0xd2800000, Args: "Xd #movz"},
	// MOV <Wd>, #<imm>                       (MOVN: one non-0xffff chunk)
	MOVWwn: {Name: "mov", Fixed: 0x12800000, Args: "Wd #movn"},
	MOVXwn: {Name: "mov", Fixed: 0x92800000, Args: "Xd #movn"},

	// ---- Bitfield ----
	// SBFM <Wd>, <Wn>, #<immr>, #<imms>
	SBFMWri: {Name: "sbfm", Fixed: 0x13000000, Args: "Wd Wn #u:16:5 #u:10:5"},
	SBFMXri: {Name: "sbfm", Fixed: 0x93400000, Args: "Xd Xn #u:16:6 #u:10:6"},
	BFMWri:  {Name: "bfm", Fixed: 0x33000000, Args: "Wd Wn #u:16:5 #u:10:5"},
	BFMXri:  {Name: "bfm", Fixed: 0xb3400000, Args: "Xd Xn #u:16:6 #u:10:6"},
	UBFMWri: {Name: "ubfm", Fixed: 0x53000000, Args: "Wd Wn #u:16:5 #u:10:5"},
	UBFMXri: {Name: "ubfm", Fixed: 0xd3400000, Args: "Xd Xn #u:16:6 #u:10:6"},
	// LSL <Wd>, <Wn>, #<shift>               (UBFM <Wd>, <Wn>, #(-<shift> MOD 32), #(31-<shift>))
	LSLWi: {Name: "lsl", Fixed: 0x53000000, Args: "Wd Wn #lsl"},
	LSLXi: {Name: "lsl", Fixed: 0xd3400000, Args: "Xd Xn #lsl"},
	// LSR <Wd>, <Wn>, #<shift>               (UBFM <Wd>, <Wn>, #<shift>, #31)
	LSRWi: {Name: "lsr", Fixed: 0x53000000, Args: "Wd Wn #lsr"},
	LSRXi: {Name: "lsr", Fixed: 0xd3400000, Args: "Xd Xn #lsr"},
	// ASR <Wd>, <Wn>, #<shift>               (SBFM <Wd>, <Wn>, #<shift>, #31)
	ASRWi: {Name: "asr", Fixed: 0x13000000, Args: "Wd Wn #lsr"},
	ASRXi: {Name: "asr", Fixed: 0x93400000, Args: "Xd Xn #lsr"},
	// UBFX <Wd>, <Wn>, #<lsb>, #<width>      (UBFM <Wd>, <Wn>, #<lsb>, #(<lsb>+<width>-1))
	UBFXW:  {Name: "ubfx", Fixed: 0x53000000, Args: "Wd Wn #lsb #width"},
	UBFXX:  {Name: "ubfx", Fixed: 0xd3400000, Args: "Xd Xn #lsb #width"},
	SBFXW:  {Name: "sbfx", Fixed: 0x13000000, Args: "Wd Wn #lsb #width"},
	SBFXX:  {Name: "sbfx", Fixed: 0x93400000, Args: "Xd Xn #lsb #width"},
	BFXILW: {Name: "bfxil", Fixed: 0x33000000, Args: "Wd Wn #lsb #width"},
	BFXILX: {Name: "bfxil", Fixed: 0xb3400000, Args: "Xd Xn #lsb #width"},
	// BFI <Wd>, <Wn>, #<lsb>, #<width>       (BFM <Wd>, <Wn>, #(-<lsb> MOD 32), #(<width>-1))
	BFIW:   {Name: "bfi", Fixed: 0x33000000, Args: "Wd Wn #lsbi #widthi"},
	BFIX:   {Name: "bfi", Fixed: 0xb3400000, Args: "Xd Xn #lsbi #widthi"},
	UBFIZW: {Name: "ubfiz", Fixed: 0x53000000, Args: "Wd Wn #lsbi #widthi"},
	UBFIZX: {Name: "ubfiz", Fixed: 0xd3400000, Args: "Xd Xn #lsbi #widthi"},
	SBFIZW: {Name: "sbfiz", Fixed: 0x13000000, Args: "Wd Wn #lsbi #widthi"},
	SBFIZX: {Name: "sbfiz", Fixed: 0x93400000, Args: "Xd Xn #lsbi #widthi"},
	// SXTB <Wd>, <Wn>  ;  SXTB <Xd>, <Wn>    (SBFM ..., #0, #7)
	SXTBW: {Name: "sxtb", Fixed: 0x13001c00, Args: "Wd Wn"},
	SXTBX: {Name: "sxtb", Fixed: 0x93401c00, Args: "Xd Wn"},
	SXTHW: {Name: "sxth", Fixed: 0x13003c00, Args: "Wd Wn"},
	SXTHX: {Name: "sxth", Fixed: 0x93403c00, Args: "Xd Wn"},
	SXTWX: {Name: "sxtw", Fixed: 0x93407c00, Args: "Xd Wn"},
	// UXTB <Wd>, <Wn>                        (UBFM <Wd>, <Wn>, #0, #7)
	UXTBW: {Name: "uxtb", Fixed: 0x53001c00, Args: "Wd Wn"},
	UXTHW: {Name: "uxth", Fixed: 0x53003c00, Args: "Wd Wn"},
	// EXTR <Wd>, <Wn>, <Wm>, #<lsb>
	EXTRW: {Name: "extr", Fixed: 0x13800000, Args: "Wd Wn Wm #u:10:5"},
	EXTRX: {Name: "extr", Fixed: 0x93c00000, Args: "Xd Xn Xm #u:10:6"},
	// ROR <Wd>, <Ws>, #<shift>               (EXTR <Wd>, <Ws>, <Ws>, #<shift>)
	RORWi: {Name: "ror", Fixed: 0x13800000, Args: "Wd Wnm #u:10:5"},
	RORXi: {Name: "ror", Fixed: 0x93c00000, Args: "Xd Xnm #u:10:6"},

	// ---- Data-processing (3 source) ----
	// MADD <Wd>, <Wn>, <Wm>, <Wa>
	MADDW: {Name: "madd", Fixed: 0x1b000000, Args: "Wd Wn Wm Wa"},
	MADDX: {Name: "madd", Fixed: 0x9b000000, Args: "Xd Xn Xm Xa"},
	MSUBW: {Name: "msub", Fixed: 0x1b008000, Args: "Wd Wn Wm Wa"},
	MSUBX: {Name: "msub", Fixed: 0x9b008000, Args: "Xd Xn Xm Xa"},
	// MUL <Wd>, <Wn>, <Wm>                   (MADD ..., WZR)
	MULW:  {Name: "mul", Fixed: 0x1b007c00, Args: "Wd Wn Wm"},
	MULX:  {Name: "mul", Fixed: 0x9b007c00, Args: "Xd Xn Xm"},
	MNEGW: {Name: "mneg", Fixed: 0x1b00fc00, Args: "Wd Wn Wm"},
	MNEGX: {Name: "mneg", Fixed: 0x9b00fc00, Args: "Xd Xn Xm"},
	// SMADDL <Xd>, <Wn>, <Wm>, <Xa>
	SMADDL: {Name: "smaddl", Fixed: 0x9b200000, Args: "Xd Wn Wm Xa"},
	SMSUBL: {Name: "smsubl", Fixed: 0x9b208000, Args: "Xd Wn Wm Xa"},
	UMADDL: {Name: "umaddl", Fixed: 0x9ba00000, Args: "Xd Wn Wm Xa"},
	UMSUBL: {Name: "umsubl", Fixed: 0x9ba08000, Args: "Xd Wn Wm Xa"},
	// SMULL <Xd>, <Wn>, <Wm>                 (SMADDL ..., XZR)
	SMULL: {Name: "smull", Fixed: 0x9b207c00, Args: "Xd Wn Wm"},
	UMULL: {Name: "umull", Fixed: 0x9ba07c00, Args: "Xd Wn Wm"},
	// SMULH <Xd>, <Xn>, <Xm>
	SMULH: {Name: "smulh", Fixed: 0x9b407c00, Args: "Xd Xn Xm"},
	UMULH: {Name: "umulh", Fixed: 0x9bc07c00, Args: "Xd Xn Xm"},

	// ---- Data-processing (2 source) ----
	// UDIV <Wd>, <Wn>, <Wm>
	UDIVW: {Name: "udiv", Fixed: 0x1ac00800, Args: "Wd Wn Wm"},
	UDIVX: {Name: "udiv", Fixed: 0x9ac00800, Args: "Xd Xn Xm"},
	SDIVW: {Name: "sdiv", Fixed: 0x1ac00c00, Args: "Wd Wn Wm"},
	SDIVX: {Name: "sdiv", Fixed: 0x9ac00c00, Args: "Xd Xn Xm"},
	// LSL <Wd>, <Wn>, <Wm>                   (LSLV; always the preferred disassembly)
	LSLVW: {Name: "lsl", Fixed: 0x1ac02000, Args: "Wd Wn Wm"},
	LSLVX: {Name: "lsl", Fixed: 0x9ac02000, Args: "Xd Xn Xm"},
	LSRVW: {Name: "lsr", Fixed: 0x1ac02400, Args: "Wd Wn Wm"},
	LSRVX: {Name: "lsr", Fixed: 0x9ac02400, Args: "Xd Xn Xm"},
	ASRVW: {Name: "asr", Fixed: 0x1ac02800, Args: "Wd Wn Wm"},
	ASRVX: {Name: "asr", Fixed: 0x9ac02800, Args: "Xd Xn Xm"},
	RORVW: {Name: "ror", Fixed: 0x1ac02c00, Args: "Wd Wn Wm"},
	RORVX: {Name: "ror", Fixed: 0x9ac02c00, Args: "Xd Xn Xm"},

	// ---- Data-processing (1 source) ----
	// RBIT <Wd>, <Wn>
	RBITW:  {Name: "rbit", Fixed: 0x5ac00000, Args: "Wd Wn"},
	RBITX:  {Name: "rbit", Fixed: 0xdac00000, Args: "Xd Xn"},
	REV16W: {Name: "rev16", Fixed: 0x5ac00400, Args: "Wd Wn"},
	REV16X: {Name: "rev16", Fixed: 0xdac00400, Args: "Xd Xn"},
	REVW:   {Name: "rev", Fixed: 0x5ac00800, Args: "Wd Wn"},
	REVX:   {Name: "rev", Fixed: 0xdac00c00, Args: "Xd Xn"},
	REV32X: {Name: "rev32", Fixed: 0xdac00800, Args: "Xd Xn"},
	CLZW:   {Name: "clz", Fixed: 0x5ac01000, Args: "Wd Wn"},
	CLZX:   {Name: "clz", Fixed: 0xdac01000, Args: "Xd Xn"},
	CLSW:   {Name: "cls", Fixed: 0x5ac01400, Args: "Wd Wn"},
	CLSX:   {Name: "cls", Fixed: 0xdac01400, Args: "Xd Xn"},

	// ---- Conditional select ----
	// CSEL <Wd>, <Wn>, <Wm>, <cond>
	CSELW:  {Name: "csel", Fixed: 0x1a800000, Args: "Wd Wn Wm cond@12"},
	CSELX:  {Name: "csel", Fixed: 0x9a800000, Args: "Xd Xn Xm cond@12"},
	CSINCW: {Name: "csinc", Fixed: 0x1a800400, Args: "Wd Wn Wm cond@12"},
	CSINCX: {Name: "csinc", Fixed: 0x9a800400, Args: "Xd Xn Xm cond@12"},
	CSINVW: {Name: "csinv", Fixed: 0x5a800000, Args: "Wd Wn Wm cond@12"},
	CSINVX: {Name: "csinv", Fixed: 0xda800000, Args: "Xd Xn Xm cond@12"},
	CSNEGW: {Name: "csneg", Fixed: 0x5a800400, Args: "Wd Wn Wm cond@12"},
	CSNEGX: {Name: "csneg", Fixed: 0xda800400, Args: "Xd Xn Xm cond@12"},
	// CSET <Wd>, <cond>                      (CSINC <Wd>, WZR, WZR, invert(<cond>))
	CSETW:  {Name: "cset", Fixed: 0x1a9f07e0, Args: "Wd invcond@12"},
	CSETX:  {Name: "cset", Fixed: 0x9a9f07e0, Args: "Xd invcond@12"},
	CSETMW: {Name: "csetm", Fixed: 0x5a9f03e0, Args: "Wd invcond@12"},
	CSETMX: {Name: "csetm", Fixed: 0xda9f03e0, Args: "Xd invcond@12"},
	// CINC <Wd>, <Wn>, <cond>                (CSINC <Wd>, <Wn>, <Wn>, invert(<cond>))
	CINCW: {Name: "cinc", Fixed: 0x1a800400, Args: "Wd Wnm invcond@12"},
	CINCX: {Name: "cinc", Fixed: 0x9a800400, Args: "Xd Xnm invcond@12"},
	CINVW: {Name: "cinv", Fixed: 0x5a800000, Args: "Wd Wnm invcond@12"},
	CINVX: {Name: "cinv", Fixed: 0xda800000, Args: "Xd Xnm invcond@12"},
	CNEGW: {Name: "cneg", Fixed: 0x5a800400, Args: "Wd Wnm invcond@12"},
	CNEGX: {Name: "cneg", Fixed: 0xda800400, Args: "Xd Xnm invcond@12"},

	// ---- Conditional compare ----
	// CCMP <Wn>, <Wm>, #<nzcv>, <cond>
	CCMPWr: {Name: "ccmp", Fixed: 0x7a400000, Args: "Wn Wm #x:0:4 cond@12"},
	CCMPXr: {Name: "ccmp", Fixed: 0xfa400000, Args: "Xn Xm #x:0:4 cond@12"},
	CCMNWr: {Name: "ccmn", Fixed: 0x3a400000, Args: "Wn Wm #x:0:4 cond@12"},
	CCMNXr: {Name: "ccmn", Fixed: 0xba400000, Args: "Xn Xm #x:0:4 cond@12"},
	// CCMP <Wn>, #<imm>, #<nzcv>, <cond>
	CCMPWi: {Name: "ccmp", Fixed: 0x7a400800, Args: "Wn #x:16:5 #x:0:4 cond@12"},
	CCMPXi: {Name: "ccmp", Fixed: 0xfa400800, Args: "Xn #x:16:5 #x:0:4 cond@12"},
	CCMNWi: {Name: "ccmn", Fixed: 0x3a400800, Args: "Wn #x:16:5 #x:0:4 cond@12"},
	CCMNXi: {Name: "ccmn", Fixed: 0xba400800, Args: "Xn #x:16:5 #x:0:4 cond@12"},

	// ---- Loads and stores (register, immediate and register offset) ----
	// STRB <Wt>, [<Xn|SP>{, #<pimm>}]  ;  STURB ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	STRBBui:   {Name: "strb", Fixed: 0x39000000, Args: "Wt [u12/1]"},
	STRBBur:   {Name: "sturb", Fixed: 0x38000000, Args: "Wt [s9]"},
	STRBBpre:  {Name: "strb", Fixed: 0x38000c00, Args: "Wt [s9]!"},
	STRBBpost: {Name: "strb", Fixed: 0x38000400, Args: "Wt [s9]post"},
	STRBBro:   {Name: "strb", Fixed: 0x38200800, Args: "Wt [reg/1]"},
	// LDRB <Wt>, [<Xn|SP>{, #<pimm>}]  ;  LDURB ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	LDRBBui:   {Name: "ldrb", Fixed: 0x39400000, Args: "Wt [u12/1]"},
	LDRBBur:   {Name: "ldurb", Fixed: 0x38400000, Args: "Wt [s9]"},
	LDRBBpre:  {Name: "ldrb", Fixed: 0x38400c00, Args: "Wt [s9]!"},
	LDRBBpost: {Name: "ldrb", Fixed: 0x38400400, Args: "Wt [s9]post"},
	LDRBBro:   {Name: "ldrb", Fixed: 0x38600800, Args: "Wt [reg/1]"},
	// LDRSB <Xt>, [<Xn|SP>{, #<pimm>}]  ;  LDURSB ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	LDRSBXui:   {Name: "ldrsb", Fixed: 0x39800000, Args: "Xt [u12/1]"},
	LDRSBXur:   {Name: "ldursb", Fixed: 0x38800000, Args: "Xt [s9]"},
	LDRSBXpre:  {Name: "ldrsb", Fixed: 0x38800c00, Args: "Xt [s9]!"},
	LDRSBXpost: {Name: "ldrsb", Fixed: 0x38800400, Args: "Xt [s9]post"},
	LDRSBXro:   {Name: "ldrsb", Fixed: 0x38a00800, Args: "Xt [reg/1]"},
	// LDRSB <Wt>, [<Xn|SP>{, #<pimm>}]  ;  LDURSB ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	LDRSBWui:   {Name: "ldrsb", Fixed: 0x39c00000, Args: "Wt [u12/1]"},
	LDRSBWur:   {Name: "ldursb", Fixed: 0x38c00000, Args: "Wt [s9]"},
	LDRSBWpre:  {Name: "ldrsb", Fixed: 0x38c00c00, Args: "Wt [s9]!"},
	LDRSBWpost: {Name: "ldrsb", Fixed: 0x38c00400, Args: "Wt [s9]post"},
	LDRSBWro:   {Name: "ldrsb", Fixed: 0x38e00800, Args: "Wt [reg/1]"},
	// STRH <Wt>, [<Xn|SP>{, #<pimm>}]  ;  STURH ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	STRHHui:   {Name: "strh", Fixed: 0x79000000, Args: "Wt [u12/2]"},
	STRHHur:   {Name: "sturh", Fixed: 0x78000000, Args: "Wt [s9]"},
	STRHHpre:  {Name: "strh", Fixed: 0x78000c00, Args: "Wt [s9]!"},
	STRHHpost: {Name: "strh", Fixed: 0x78000400, Args: "Wt [s9]post"},
	STRHHro:   {Name: "strh", Fixed: 0x78200800, Args: "Wt [reg/2]"},
	// LDRH <Wt>, [<Xn|SP>{, #<pimm>}]  ;  LDURH ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	LDRHHui:   {Name: "ldrh", Fixed: 0x79400000, Args: "Wt [u12/2]"},
	LDRHHur:   {Name: "ldurh", Fixed: 0x78400000, Args: "Wt [s9]"},
	LDRHHpre:  {Name: "ldrh", Fixed: 0x78400c00, Args: "Wt [s9]!"},
	LDRHHpost: {Name: "ldrh", Fixed: 0x78400400, Args: "Wt [s9]post"},
	LDRHHro:   {Name: "ldrh", Fixed: 0x78600800, Args: "Wt [reg/2]"},
	// LDRSH <Xt>, [<Xn|SP>{, #<pimm>}]  ;  LDURSH ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	LDRSHXui:   {Name: "ldrsh", Fixed: 0x79800000, Args: "Xt [u12/2]"},
	LDRSHXur:   {Name: "ldursh", Fixed: 0x78800000, Args: "Xt [s9]"},
	LDRSHXpre:  {Name: "ldrsh", Fixed: 0x78800c00, Args: "Xt [s9]!"},
	LDRSHXpost: {Name: "ldrsh", Fixed: 0x78800400, Args: "Xt [s9]post"},
	LDRSHXro:   {Name: "ldrsh", Fixed: 0x78a00800, Args: "Xt [reg/2]"},
	// LDRSH <Wt>, [<Xn|SP>{, #<pimm>}]  ;  LDURSH ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	LDRSHWui:   {Name: "ldrsh", Fixed: 0x79c00000, Args: "Wt [u12/2]"},
	LDRSHWur:   {Name: "ldursh", Fixed: 0x78c00000, Args: "Wt [s9]"},
	LDRSHWpre:  {Name: "ldrsh", Fixed: 0x78c00c00, Args: "Wt [s9]!"},
	LDRSHWpost: {Name: "ldrsh", Fixed: 0x78c00400, Args: "Wt [s9]post"},
	LDRSHWro:   {Name: "ldrsh", Fixed: 0x78e00800, Args: "Wt [reg/2]"},
	// STR <Wt>, [<Xn|SP>{, #<pimm>}]  ;  STUR ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	STRWui:   {Name: "str", Fixed: 0xb9000000, Args: "Wt [u12/4]"},
	STRWur:   {Name: "stur", Fixed: 0xb8000000, Args: "Wt [s9]"},
	STRWpre:  {Name: "str", Fixed: 0xb8000c00, Args: "Wt [s9]!"},
	STRWpost: {Name: "str", Fixed: 0xb8000400, Args: "Wt [s9]post"},
	STRWro:   {Name: "str", Fixed: 0xb8200800, Args: "Wt [reg/4]"},
	// LDR <Wt>, [<Xn|SP>{, #<pimm>}]  ;  LDUR ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	LDRWui:   {Name: "ldr", Fixed: 0xb9400000, Args: "Wt [u12/4]"},
	LDRWur:   {Name: "ldur", Fixed: 0xb8400000, Args: "Wt [s9]"},
	LDRWpre:  {Name: "ldr", Fixed: 0xb8400c00, Args: "Wt [s9]!"},
	LDRWpost: {Name: "ldr", Fixed: 0xb8400400, Args: "Wt [s9]post"},
	LDRWro:   {Name: "ldr", Fixed: 0xb8600800, Args: "Wt [reg/4]"},
	// LDRSW <Xt>, [<Xn|SP>{, #<pimm>}]  ;  LDURSW ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	LDRSWui:   {Name: "ldrsw", Fixed: 0xb9800000, Args: "Xt [u12/4]"},
	LDRSWur:   {Name: "ldursw", Fixed: 0xb8800000, Args: "Xt [s9]"},
	LDRSWpre:  {Name: "ldrsw", Fixed: 0xb8800c00, Args: "Xt [s9]!"},
	LDRSWpost: {Name: "ldrsw", Fixed: 0xb8800400, Args: "Xt [s9]post"},
	LDRSWro:   {Name: "ldrsw", Fixed: 0xb8a00800, Args: "Xt [reg/4]"},
	// STR <Xt>, [<Xn|SP>{, #<pimm>}]  ;  STUR ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	STRXui:   {Name: "str", Fixed: 0xf9000000, Args: "Xt [u12/8]"},
	STRXur:   {Name: "stur", Fixed: 0xf8000000, Args: "Xt [s9]"},
	STRXpre:  {Name: "str", Fixed: 0xf8000c00, Args: "Xt [s9]!"},
	STRXpost: {Name: "str", Fixed: 0xf8000400, Args: "Xt [s9]post"},
	STRXro:   {Name: "str", Fixed: 0xf8200800, Args: "Xt [reg/8]"},
	// LDR <Xt>, [<Xn|SP>{, #<pimm>}]  ;  LDUR ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	LDRXui:   {Name: "ldr", Fixed: 0xf9400000, Args: "Xt [u12/8]"},
	LDRXur:   {Name: "ldur", Fixed: 0xf8400000, Args: "Xt [s9]"},
	LDRXpre:  {Name: "ldr", Fixed: 0xf8400c00, Args: "Xt [s9]!"},
	LDRXpost: {Name: "ldr", Fixed: 0xf8400400, Args: "Xt [s9]post"},
	LDRXro:   {Name: "ldr", Fixed: 0xf8600800, Args: "Xt [reg/8]"},
	// STR <Bt>, [<Xn|SP>{, #<pimm>}]  ;  STUR ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	STRBui:   {Name: "str", Fixed: 0x3d000000, Args: "Bt [u12/1]"},
	STRBur:   {Name: "stur", Fixed: 0x3c000000, Args: "Bt [s9]"},
	STRBpre:  {Name: "str", Fixed: 0x3c000c00, Args: "Bt [s9]!"},
	STRBpost: {Name: "str", Fixed: 0x3c000400, Args: "Bt [s9]post"},
	STRBro:   {Name: "str", Fixed: 0x3c200800, Args: "Bt [reg/1]"},
	// LDR <Bt>, [<Xn|SP>{, #<pimm>}]  ;  LDUR ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	LDRBui:   {Name: "ldr", Fixed: 0x3d400000, Args: "Bt [u12/1]"},
	LDRBur:   {Name: "ldur", Fixed: 0x3c400000, Args: "Bt [s9]"},
	LDRBpre:  {Name: "ldr", Fixed: 0x3c400c00, Args: "Bt [s9]!"},
	LDRBpost: {Name: "ldr", Fixed: 0x3c400400, Args: "Bt [s9]post"},
	LDRBro:   {Name: "ldr", Fixed: 0x3c600800, Args: "Bt [reg/1]"},
	// STR <Ht>, [<Xn|SP>{, #<pimm>}]  ;  STUR ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	STRHui:   {Name: "str", Fixed: 0x7d000000, Args: "Ht [u12/2]"},
	STRHur:   {Name: "stur", Fixed: 0x7c000000, Args: "Ht [s9]"},
	STRHpre:  {Name: "str", Fixed: 0x7c000c00, Args: "Ht [s9]!"},
	STRHpost: {Name: "str", Fixed: 0x7c000400, Args: "Ht [s9]post"},
	STRHro:   {Name: "str", Fixed: 0x7c200800, Args: "Ht [reg/2]"},
	// LDR <Ht>, [<Xn|SP>{, #<pimm>}]  ;  LDUR ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	LDRHui:   {Name: "ldr", Fixed: 0x7d400000, Args: "Ht [u12/2]"},
	LDRHur:   {Name: "ldur", Fixed: 0x7c400000, Args: "Ht [s9]"},
	LDRHpre:  {Name: "ldr", Fixed: 0x7c400c00, Args: "Ht [s9]!"},
	LDRHpost: {Name: "ldr", Fixed: 0x7c400400, Args: "Ht [s9]post"},
	LDRHro:   {Name: "ldr", Fixed: 0x7c600800, Args: "Ht [reg/2]"},
	// STR <St>, [<Xn|SP>{, #<pimm>}]  ;  STUR ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	STRSui:   {Name: "str", Fixed: 0xbd000000, Args: "St [u12/4]"},
	STRSur:   {Name: "stur", Fixed: 0xbc000000, Args: "St [s9]"},
	STRSpre:  {Name: "str", Fixed: 0xbc000c00, Args: "St [s9]!"},
	STRSpost: {Name: "str", Fixed: 0xbc000400, Args: "St [s9]post"},
	STRSro:   {Name: "str", Fixed: 0xbc200800, Args: "St [reg/4]"},
	// LDR <St>, [<Xn|SP>{, #<pimm>}]  ;  LDUR ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	LDRSui:   {Name: "ldr", Fixed: 0xbd400000, Args: "St [u12/4]"},
	LDRSur:   {Name: "ldur", Fixed: 0xbc400000, Args: "St [s9]"},
	LDRSpre:  {Name: "ldr", Fixed: 0xbc400c00, Args: "St [s9]!"},
	LDRSpost: {Name: "ldr", Fixed: 0xbc400400, Args: "St [s9]post"},
	LDRSro:   {Name: "ldr", Fixed: 0xbc600800, Args: "St [reg/4]"},
	// STR <Dt>, [<Xn|SP>{, #<pimm>}]  ;  STUR ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	STRDui:   {Name: "str", Fixed: 0xfd000000, Args: "Dt [u12/8]"},
	STRDur:   {Name: "stur", Fixed: 0xfc000000, Args: "Dt [s9]"},
	STRDpre:  {Name: "str", Fixed: 0xfc000c00, Args: "Dt [s9]!"},
	STRDpost: {Name: "str", Fixed: 0xfc000400, Args: "Dt [s9]post"},
	STRDro:   {Name: "str", Fixed: 0xfc200800, Args: "Dt [reg/8]"},
	// LDR <Dt>, [<Xn|SP>{, #<pimm>}]  ;  LDUR ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	LDRDui:   {Name: "ldr", Fixed: 0xfd400000, Args: "Dt [u12/8]"},
	LDRDur:   {Name: "ldur", Fixed: 0xfc400000, Args: "Dt [s9]"},
	LDRDpre:  {Name: "ldr", Fixed: 0xfc400c00, Args: "Dt [s9]!"},
	LDRDpost: {Name: "ldr", Fixed: 0xfc400400, Args: "Dt [s9]post"},
	LDRDro:   {Name: "ldr", Fixed: 0xfc600800, Args: "Dt [reg/8]"},
	// STR <Qt>, [<Xn|SP>{, #<pimm>}]  ;  STUR ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	STRQui:   {Name: "str", Fixed: 0x3d800000, Args: "Qt [u12/16]"},
	STRQur:   {Name: "stur", Fixed: 0x3c800000, Args: "Qt [s9]"},
	STRQpre:  {Name: "str", Fixed: 0x3c800c00, Args: "Qt [s9]!"},
	STRQpost: {Name: "str", Fixed: 0x3c800400, Args: "Qt [s9]post"},
	STRQro:   {Name: "str", Fixed: 0x3ca00800, Args: "Qt [reg/16]"},
	// LDR <Qt>, [<Xn|SP>{, #<pimm>}]  ;  LDUR ...{, #<simm>}]  ;  pre/post-index  ;  [<Xn|SP>, <R><m>{, <extend> {<amount>}}]
	LDRQui:   {Name: "ldr", Fixed: 0x3dc00000, Args: "Qt [u12/16]"},
	LDRQur:   {Name: "ldur", Fixed: 0x3cc00000, Args: "Qt [s9]"},
	LDRQpre:  {Name: "ldr", Fixed: 0x3cc00c00, Args: "Qt [s9]!"},
	LDRQpost: {Name: "ldr", Fixed: 0x3cc00400, Args: "Qt [s9]post"},
	LDRQro:   {Name: "ldr", Fixed: 0x3ce00800, Args: "Qt [reg/16]"},

	// ---- Load/store pair ----
	// STP <Rt>, <Rt2>, [<Xn|SP>{, #<imm>}]  ;  [<Xn|SP>, #<imm>]!  ;  [<Xn|SP>], #<imm>
	STPWi:    {Name: "stp", Fixed: 0x29000000, Args: "Wt Wt2 [p/4]"},
	STPWpre:  {Name: "stp", Fixed: 0x29800000, Args: "Wt Wt2 [p/4]!"},
	STPWpost: {Name: "stp", Fixed: 0x28800000, Args: "Wt Wt2 [p/4]post"},
	// LDP <Rt>, <Rt2>, [<Xn|SP>{, #<imm>}]  ;  [<Xn|SP>, #<imm>]!  ;  [<Xn|SP>], #<imm>
	LDPWi:    {Name: "ldp", Fixed: 0x29400000, Args: "Wt Wt2 [p/4]"},
	LDPWpre:  {Name: "ldp", Fixed: 0x29c00000, Args: "Wt Wt2 [p/4]!"},
	LDPWpost: {Name: "ldp", Fixed: 0x28c00000, Args: "Wt Wt2 [p/4]post"},
	// LDPSW <Rt>, <Rt2>, [<Xn|SP>{, #<imm>}]  ;  [<Xn|SP>, #<imm>]!  ;  [<Xn|SP>], #<imm>
	LDPSWi:    {Name: "ldpsw", Fixed: 0x69400000, Args: "Xt Xt2 [p/4]"},
	LDPSWpre:  {Name: "ldpsw", Fixed: 0x69c00000, Args: "Xt Xt2 [p/4]!"},
	LDPSWpost: {Name: "ldpsw", Fixed: 0x68c00000, Args: "Xt Xt2 [p/4]post"},
	// STP <Rt>, <Rt2>, [<Xn|SP>{, #<imm>}]  ;  [<Xn|SP>, #<imm>]!  ;  [<Xn|SP>], #<imm>
	STPXi:    {Name: "stp", Fixed: 0xa9000000, Args: "Xt Xt2 [p/8]"},
	STPXpre:  {Name: "stp", Fixed: 0xa9800000, Args: "Xt Xt2 [p/8]!"},
	STPXpost: {Name: "stp", Fixed: 0xa8800000, Args: "Xt Xt2 [p/8]post"},
	// LDP <Rt>, <Rt2>, [<Xn|SP>{, #<imm>}]  ;  [<Xn|SP>, #<imm>]!  ;  [<Xn|SP>], #<imm>
	LDPXi:    {Name: "ldp", Fixed: 0xa9400000, Args: "Xt Xt2 [p/8]"},
	LDPXpre:  {Name: "ldp", Fixed: 0xa9c00000, Args: "Xt Xt2 [p/8]!"},
	LDPXpost: {Name: "ldp", Fixed: 0xa8c00000, Args: "Xt Xt2 [p/8]post"},
	// STP <Rt>, <Rt2>, [<Xn|SP>{, #<imm>}]  ;  [<Xn|SP>, #<imm>]!  ;  [<Xn|SP>], #<imm>
	STPSi:    {Name: "stp", Fixed: 0x2d000000, Args: "St St2 [p/4]"},
	STPSpre:  {Name: "stp", Fixed: 0x2d800000, Args: "St St2 [p/4]!"},
	STPSpost: {Name: "stp", Fixed: 0x2c800000, Args: "St St2 [p/4]post"},
	// LDP <Rt>, <Rt2>, [<Xn|SP>{, #<imm>}]  ;  [<Xn|SP>, #<imm>]!  ;  [<Xn|SP>], #<imm>
	LDPSi:    {Name: "ldp", Fixed: 0x2d400000, Args: "St St2 [p/4]"},
	LDPSpre:  {Name: "ldp", Fixed: 0x2dc00000, Args: "St St2 [p/4]!"},
	LDPSpost: {Name: "ldp", Fixed: 0x2cc00000, Args: "St St2 [p/4]post"},
	// STP <Rt>, <Rt2>, [<Xn|SP>{, #<imm>}]  ;  [<Xn|SP>, #<imm>]!  ;  [<Xn|SP>], #<imm>
	STPDi:    {Name: "stp", Fixed: 0x6d000000, Args: "Dt Dt2 [p/8]"},
	STPDpre:  {Name: "stp", Fixed: 0x6d800000, Args: "Dt Dt2 [p/8]!"},
	STPDpost: {Name: "stp", Fixed: 0x6c800000, Args: "Dt Dt2 [p/8]post"},
	// LDP <Rt>, <Rt2>, [<Xn|SP>{, #<imm>}]  ;  [<Xn|SP>, #<imm>]!  ;  [<Xn|SP>], #<imm>
	LDPDi:    {Name: "ldp", Fixed: 0x6d400000, Args: "Dt Dt2 [p/8]"},
	LDPDpre:  {Name: "ldp", Fixed: 0x6dc00000, Args: "Dt Dt2 [p/8]!"},
	LDPDpost: {Name: "ldp", Fixed: 0x6cc00000, Args: "Dt Dt2 [p/8]post"},
	// STP <Rt>, <Rt2>, [<Xn|SP>{, #<imm>}]  ;  [<Xn|SP>, #<imm>]!  ;  [<Xn|SP>], #<imm>
	STPQi:    {Name: "stp", Fixed: 0xad000000, Args: "Qt Qt2 [p/16]"},
	STPQpre:  {Name: "stp", Fixed: 0xad800000, Args: "Qt Qt2 [p/16]!"},
	STPQpost: {Name: "stp", Fixed: 0xac800000, Args: "Qt Qt2 [p/16]post"},
	// LDP <Rt>, <Rt2>, [<Xn|SP>{, #<imm>}]  ;  [<Xn|SP>, #<imm>]!  ;  [<Xn|SP>], #<imm>
	LDPQi:    {Name: "ldp", Fixed: 0xad400000, Args: "Qt Qt2 [p/16]"},
	LDPQpre:  {Name: "ldp", Fixed: 0xadc00000, Args: "Qt Qt2 [p/16]!"},
	LDPQpost: {Name: "ldp", Fixed: 0xacc00000, Args: "Qt Qt2 [p/16]post"},

	// ---- Load/store exclusive and ordered ----
	// LDXR{B,H} <Wt>|<Xt>, ... [<Xn|SP>{, #0}]
	LDXRB: {Name: "ldxrb", Fixed: 0x085f7c00, Args: "Wt [Xn|SP]"},
	LDXRH: {Name: "ldxrh", Fixed: 0x485f7c00, Args: "Wt [Xn|SP]"},
	LDXRW: {Name: "ldxr", Fixed: 0x885f7c00, Args: "Wt [Xn|SP]"},
	LDXRX: {Name: "ldxr", Fixed: 0xc85f7c00, Args: "Xt [Xn|SP]"},
	// LDAXR{B,H} <Wt>|<Xt>, ... [<Xn|SP>{, #0}]
	LDAXRB: {Name: "ldaxrb", Fixed: 0x085ffc00, Args: "Wt [Xn|SP]"},
	LDAXRH: {Name: "ldaxrh", Fixed: 0x485ffc00, Args: "Wt [Xn|SP]"},
	LDAXRW: {Name: "ldaxr", Fixed: 0x885ffc00, Args: "Wt [Xn|SP]"},
	LDAXRX: {Name: "ldaxr", Fixed: 0xc85ffc00, Args: "Xt [Xn|SP]"},
	// STXR{B,H} <Wt>|<Xt>, ... [<Xn|SP>{, #0}]
	STXRB: {Name: "stxrb", Fixed: 0x08007c00, Args: "Ws Wt [Xn|SP]"},
	STXRH: {Name: "stxrh", Fixed: 0x48007c00, Args: "Ws Wt [Xn|SP]"},
	STXRW: {Name: "stxr", Fixed: 0x88007c00, Args: "Ws Wt [Xn|SP]"},
	STXRX: {Name: "stxr", Fixed: 0xc8007c00, Args: "Ws Xt [Xn|SP]"},
	// STLXR{B,H} <Wt>|<Xt>, ... [<Xn|SP>{, #0}]
	STLXRB: {Name: "stlxrb", Fixed: 0x0800fc00, Args: "Ws Wt [Xn|SP]"},
	STLXRH: {Name: "stlxrh", Fixed: 0x4800fc00, Args: "Ws Wt [Xn|SP]"},
	STLXRW: {Name: "stlxr", Fixed: 0x8800fc00, Args: "Ws Wt [Xn|SP]"},
	STLXRX: {Name: "stlxr", Fixed: 0xc800fc00, Args: "Ws Xt [Xn|SP]"},
	// LDAR{B,H} <Wt>|<Xt>, ... [<Xn|SP>{, #0}]
	LDARB: {Name: "ldarb", Fixed: 0x08dffc00, Args: "Wt [Xn|SP]"},
	LDARH: {Name: "ldarh", Fixed: 0x48dffc00, Args: "Wt [Xn|SP]"},
	LDARW: {Name: "ldar", Fixed: 0x88dffc00, Args: "Wt [Xn|SP]"},
	LDARX: {Name: "ldar", Fixed: 0xc8dffc00, Args: "Xt [Xn|SP]"},
	// STLR{B,H} <Wt>|<Xt>, ... [<Xn|SP>{, #0}]
	STLRB: {Name: "stlrb", Fixed: 0x089ffc00, Args: "Wt [Xn|SP]"},
	STLRH: {Name: "stlrh", Fixed: 0x489ffc00, Args: "Wt [Xn|SP]"},
	STLRW: {Name: "stlr", Fixed: 0x889ffc00, Args: "Wt [Xn|SP]"},
	STLRX: {Name: "stlr", Fixed: 0xc89ffc00, Args: "Xt [Xn|SP]"},

	// ---- Atomic memory operations (FEAT_LSE) ----
	// LDADD{A,L,AL}{B,H} <Ws>, <Wt>|<Xt>, [<Xn|SP>]   (FEAT_LSE)
	LDADDB:   {Name: "ldaddb", Fixed: 0x38200000, Args: "Ws Wt [Xn|SP]"},
	LDADDH:   {Name: "ldaddh", Fixed: 0x78200000, Args: "Ws Wt [Xn|SP]"},
	LDADDW:   {Name: "ldadd", Fixed: 0xb8200000, Args: "Ws Wt [Xn|SP]"},
	LDADDX:   {Name: "ldadd", Fixed: 0xf8200000, Args: "Xs Xt [Xn|SP]"},
	LDADDAB:  {Name: "ldaddab", Fixed: 0x38a00000, Args: "Ws Wt [Xn|SP]"},
	LDADDAH:  {Name: "ldaddah", Fixed: 0x78a00000, Args: "Ws Wt [Xn|SP]"},
	LDADDAW:  {Name: "ldadda", Fixed: 0xb8a00000, Args: "Ws Wt [Xn|SP]"},
	LDADDAX:  {Name: "ldadda", Fixed: 0xf8a00000, Args: "Xs Xt [Xn|SP]"},
	LDADDLB:  {Name: "ldaddlb", Fixed: 0x38600000, Args: "Ws Wt [Xn|SP]"},
	LDADDLH:  {Name: "ldaddlh", Fixed: 0x78600000, Args: "Ws Wt [Xn|SP]"},
	LDADDLW:  {Name: "ldaddl", Fixed: 0xb8600000, Args: "Ws Wt [Xn|SP]"},
	LDADDLX:  {Name: "ldaddl", Fixed: 0xf8600000, Args: "Xs Xt [Xn|SP]"},
	LDADDALB: {Name: "ldaddalb", Fixed: 0x38e00000, Args: "Ws Wt [Xn|SP]"},
	LDADDALH: {Name: "ldaddalh", Fixed: 0x78e00000, Args: "Ws Wt [Xn|SP]"},
	LDADDALW: {Name: "ldaddal", Fixed: 0xb8e00000, Args: "Ws Wt [Xn|SP]"},
	LDADDALX: {Name: "ldaddal", Fixed: 0xf8e00000, Args: "Xs Xt [Xn|SP]"},
	// LDCLR{A,L,AL}{B,H} <Ws>, <Wt>|<Xt>, [<Xn|SP>]   (FEAT_LSE)
	LDCLRB:   {Name: "ldclrb", Fixed: 0x38201000, Args: "Ws Wt [Xn|SP]"},
	LDCLRH:   {Name: "ldclrh", Fixed: 0x78201000, Args: "Ws Wt [Xn|SP]"},
	LDCLRW:   {Name: "ldclr", Fixed: 0xb8201000, Args: "Ws Wt [Xn|SP]"},
	LDCLRX:   {Name: "ldclr", Fixed: 0xf8201000, Args: "Xs Xt [Xn|SP]"},
	LDCLRAB:  {Name: "ldclrab", Fixed: 0x38a01000, Args: "Ws Wt [Xn|SP]"},
	LDCLRAH:  {Name: "ldclrah", Fixed: 0x78a01000, Args: "Ws Wt [Xn|SP]"},
	LDCLRAW:  {Name: "ldclra", Fixed: 0xb8a01000, Args: "Ws Wt [Xn|SP]"},
	LDCLRAX:  {Name: "ldclra", Fixed: 0xf8a01000, Args: "Xs Xt [Xn|SP]"},
	LDCLRLB:  {Name: "ldclrlb", Fixed: 0x38601000, Args: "Ws Wt [Xn|SP]"},
	LDCLRLH:  {Name: "ldclrlh", Fixed: 0x78601000, Args: "Ws Wt [Xn|SP]"},
	LDCLRLW:  {Name: "ldclrl", Fixed: 0xb8601000, Args: "Ws Wt [Xn|SP]"},
	LDCLRLX:  {Name: "ldclrl", Fixed: 0xf8601000, Args: "Xs Xt [Xn|SP]"},
	LDCLRALB: {Name: "ldclralb", Fixed: 0x38e01000, Args: "Ws Wt [Xn|SP]"},
	LDCLRALH: {Name: "ldclralh", Fixed: 0x78e01000, Args: "Ws Wt [Xn|SP]"},
	LDCLRALW: {Name: "ldclral", Fixed: 0xb8e01000, Args: "Ws Wt [Xn|SP]"},
	LDCLRALX: {Name: "ldclral", Fixed: 0xf8e01000, Args: "Xs Xt [Xn|SP]"},
	// LDEOR{A,L,AL}{B,H} <Ws>, <Wt>|<Xt>, [<Xn|SP>]   (FEAT_LSE)
	LDEORB:   {Name: "ldeorb", Fixed: 0x38202000, Args: "Ws Wt [Xn|SP]"},
	LDEORH:   {Name: "ldeorh", Fixed: 0x78202000, Args: "Ws Wt [Xn|SP]"},
	LDEORW:   {Name: "ldeor", Fixed: 0xb8202000, Args: "Ws Wt [Xn|SP]"},
	LDEORX:   {Name: "ldeor", Fixed: 0xf8202000, Args: "Xs Xt [Xn|SP]"},
	LDEORAB:  {Name: "ldeorab", Fixed: 0x38a02000, Args: "Ws Wt [Xn|SP]"},
	LDEORAH:  {Name: "ldeorah", Fixed: 0x78a02000, Args: "Ws Wt [Xn|SP]"},
	LDEORAW:  {Name: "ldeora", Fixed: 0xb8a02000, Args: "Ws Wt [Xn|SP]"},
	LDEORAX:  {Name: "ldeora", Fixed: 0xf8a02000, Args: "Xs Xt [Xn|SP]"},
	LDEORLB:  {Name: "ldeorlb", Fixed: 0x38602000, Args: "Ws Wt [Xn|SP]"},
	LDEORLH:  {Name: "ldeorlh", Fixed: 0x78602000, Args: "Ws Wt [Xn|SP]"},
	LDEORLW:  {Name: "ldeorl", Fixed: 0xb8602000, Args: "Ws Wt [Xn|SP]"},
	LDEORLX:  {Name: "ldeorl", Fixed: 0xf8602000, Args: "Xs Xt [Xn|SP]"},
	LDEORALB: {Name: "ldeoralb", Fixed: 0x38e02000, Args: "Ws Wt [Xn|SP]"},
	LDEORALH: {Name: "ldeoralh", Fixed: 0x78e02000, Args: "Ws Wt [Xn|SP]"},
	LDEORALW: {Name: "ldeoral", Fixed: 0xb8e02000, Args: "Ws Wt [Xn|SP]"},
	LDEORALX: {Name: "ldeoral", Fixed: 0xf8e02000, Args: "Xs Xt [Xn|SP]"},
	// LDSET{A,L,AL}{B,H} <Ws>, <Wt>|<Xt>, [<Xn|SP>]   (FEAT_LSE)
	LDSETB:   {Name: "ldsetb", Fixed: 0x38203000, Args: "Ws Wt [Xn|SP]"},
	LDSETH:   {Name: "ldseth", Fixed: 0x78203000, Args: "Ws Wt [Xn|SP]"},
	LDSETW:   {Name: "ldset", Fixed: 0xb8203000, Args: "Ws Wt [Xn|SP]"},
	LDSETX:   {Name: "ldset", Fixed: 0xf8203000, Args: "Xs Xt [Xn|SP]"},
	LDSETAB:  {Name: "ldsetab", Fixed: 0x38a03000, Args: "Ws Wt [Xn|SP]"},
	LDSETAH:  {Name: "ldsetah", Fixed: 0x78a03000, Args: "Ws Wt [Xn|SP]"},
	LDSETAW:  {Name: "ldseta", Fixed: 0xb8a03000, Args: "Ws Wt [Xn|SP]"},
	LDSETAX:  {Name: "ldseta", Fixed: 0xf8a03000, Args: "Xs Xt [Xn|SP]"},
	LDSETLB:  {Name: "ldsetlb", Fixed: 0x38603000, Args: "Ws Wt [Xn|SP]"},
	LDSETLH:  {Name: "ldsetlh", Fixed: 0x78603000, Args: "Ws Wt [Xn|SP]"},
	LDSETLW:  {Name: "ldsetl", Fixed: 0xb8603000, Args: "Ws Wt [Xn|SP]"},
	LDSETLX:  {Name: "ldsetl", Fixed: 0xf8603000, Args: "Xs Xt [Xn|SP]"},
	LDSETALB: {Name: "ldsetalb", Fixed: 0x38e03000, Args: "Ws Wt [Xn|SP]"},
	LDSETALH: {Name: "ldsetalh", Fixed: 0x78e03000, Args: "Ws Wt [Xn|SP]"},
	LDSETALW: {Name: "ldsetal", Fixed: 0xb8e03000, Args: "Ws Wt [Xn|SP]"},
	LDSETALX: {Name: "ldsetal", Fixed: 0xf8e03000, Args: "Xs Xt [Xn|SP]"},
	// LDSMAX{A,L,AL}{B,H} <Ws>, <Wt>|<Xt>, [<Xn|SP>]   (FEAT_LSE)
	LDSMAXB:   {Name: "ldsmaxb", Fixed: 0x38204000, Args: "Ws Wt [Xn|SP]"},
	LDSMAXH:   {Name: "ldsmaxh", Fixed: 0x78204000, Args: "Ws Wt [Xn|SP]"},
	LDSMAXW:   {Name: "ldsmax", Fixed: 0xb8204000, Args: "Ws Wt [Xn|SP]"},
	LDSMAXX:   {Name: "ldsmax", Fixed: 0xf8204000, Args: "Xs Xt [Xn|SP]"},
	LDSMAXAB:  {Name: "ldsmaxab", Fixed: 0x38a04000, Args: "Ws Wt [Xn|SP]"},
	LDSMAXAH:  {Name: "ldsmaxah", Fixed: 0x78a04000, Args: "Ws Wt [Xn|SP]"},
	LDSMAXAW:  {Name: "ldsmaxa", Fixed: 0xb8a04000, Args: "Ws Wt [Xn|SP]"},
	LDSMAXAX:  {Name: "ldsmaxa", Fixed: 0xf8a04000, Args: "Xs Xt [Xn|SP]"},
	LDSMAXLB:  {Name: "ldsmaxlb", Fixed: 0x38604000, Args: "Ws Wt [Xn|SP]"},
	LDSMAXLH:  {Name: "ldsmaxlh", Fixed: 0x78604000, Args: "Ws Wt [Xn|SP]"},
	LDSMAXLW:  {Name: "ldsmaxl", Fixed: 0xb8604000, Args: "Ws Wt [Xn|SP]"},
	LDSMAXLX:  {Name: "ldsmaxl", Fixed: 0xf8604000, Args: "Xs Xt [Xn|SP]"},
	LDSMAXALB: {Name: "ldsmaxalb", Fixed: 0x38e04000, Args: "Ws Wt [Xn|SP]"},
	LDSMAXALH: {Name: "ldsmaxalh", Fixed: 0x78e04000, Args: "Ws Wt [Xn|SP]"},
	LDSMAXALW: {Name: "ldsmaxal", Fixed: 0xb8e04000, Args: "Ws Wt [Xn|SP]"},
	LDSMAXALX: {Name: "ldsmaxal", Fixed: 0xf8e04000, Args: "Xs Xt [Xn|SP]"},
	// LDSMIN{A,L,AL}{B,H} <Ws>, <Wt>|<Xt>, [<Xn|SP>]   (FEAT_LSE)
	LDSMINB:   {Name: "ldsminb", Fixed: 0x38205000, Args: "Ws Wt [Xn|SP]"},
	LDSMINH:   {Name: "ldsminh", Fixed: 0x78205000, Args: "Ws Wt [Xn|SP]"},
	LDSMINW:   {Name: "ldsmin", Fixed: 0xb8205000, Args: "Ws Wt [Xn|SP]"},
	LDSMINX:   {Name: "ldsmin", Fixed: 0xf8205000, Args: "Xs Xt [Xn|SP]"},
	LDSMINAB:  {Name: "ldsminab", Fixed: 0x38a05000, Args: "Ws Wt [Xn|SP]"},
	LDSMINAH:  {Name: "ldsminah", Fixed: 0x78a05000, Args: "Ws Wt [Xn|SP]"},
	LDSMINAW:  {Name: "ldsmina", Fixed: 0xb8a05000, Args: "Ws Wt [Xn|SP]"},
	LDSMINAX:  {Name: "ldsmina", Fixed: 0xf8a05000, Args: "Xs Xt [Xn|SP]"},
	LDSMINLB:  {Name: "ldsminlb", Fixed: 0x38605000, Args: "Ws Wt [Xn|SP]"},
	LDSMINLH:  {Name: "ldsminlh", Fixed: 0x78605000, Args: "Ws Wt [Xn|SP]"},
	LDSMINLW:  {Name: "ldsminl", Fixed: 0xb8605000, Args: "Ws Wt [Xn|SP]"},
	LDSMINLX:  {Name: "ldsminl", Fixed: 0xf8605000, Args: "Xs Xt [Xn|SP]"},
	LDSMINALB: {Name: "ldsminalb", Fixed: 0x38e05000, Args: "Ws Wt [Xn|SP]"},
	LDSMINALH: {Name: "ldsminalh", Fixed: 0x78e05000, Args: "Ws Wt [Xn|SP]"},
	LDSMINALW: {Name: "ldsminal", Fixed: 0xb8e05000, Args: "Ws Wt [Xn|SP]"},
	LDSMINALX: {Name: "ldsminal", Fixed: 0xf8e05000, Args: "Xs Xt [Xn|SP]"},
	// LDUMAX{A,L,AL}{B,H} <Ws>, <Wt>|<Xt>, [<Xn|SP>]   (FEAT_LSE)
	LDUMAXB:   {Name: "ldumaxb", Fixed: 0x38206000, Args: "Ws Wt [Xn|SP]"},
	LDUMAXH:   {Name: "ldumaxh", Fixed: 0x78206000, Args: "Ws Wt [Xn|SP]"},
	LDUMAXW:   {Name: "ldumax", Fixed: 0xb8206000, Args: "Ws Wt [Xn|SP]"},
	LDUMAXX:   {Name: "ldumax", Fixed: 0xf8206000, Args: "Xs Xt [Xn|SP]"},
	LDUMAXAB:  {Name: "ldumaxab", Fixed: 0x38a06000, Args: "Ws Wt [Xn|SP]"},
	LDUMAXAH:  {Name: "ldumaxah", Fixed: 0x78a06000, Args: "Ws Wt [Xn|SP]"},
	LDUMAXAW:  {Name: "ldumaxa", Fixed: 0xb8a06000, Args: "Ws Wt [Xn|SP]"},
	LDUMAXAX:  {Name: "ldumaxa", Fixed: 0xf8a06000, Args: "Xs Xt [Xn|SP]"},
	LDUMAXLB:  {Name: "ldumaxlb", Fixed: 0x38606000, Args: "Ws Wt [Xn|SP]"},
	LDUMAXLH:  {Name: "ldumaxlh", Fixed: 0x78606000, Args: "Ws Wt [Xn|SP]"},
	LDUMAXLW:  {Name: "ldumaxl", Fixed: 0xb8606000, Args: "Ws Wt [Xn|SP]"},
	LDUMAXLX:  {Name: "ldumaxl", Fixed: 0xf8606000, Args: "Xs Xt [Xn|SP]"},
	LDUMAXALB: {Name: "ldumaxalb", Fixed: 0x38e06000, Args: "Ws Wt [Xn|SP]"},
	LDUMAXALH: {Name: "ldumaxalh", Fixed: 0x78e06000, Args: "Ws Wt [Xn|SP]"},
	LDUMAXALW: {Name: "ldumaxal", Fixed: 0xb8e06000, Args: "Ws Wt [Xn|SP]"},
	LDUMAXALX: {Name: "ldumaxal", Fixed: 0xf8e06000, Args: "Xs Xt [Xn|SP]"},
	// LDUMIN{A,L,AL}{B,H} <Ws>, <Wt>|<Xt>, [<Xn|SP>]   (FEAT_LSE)
	LDUMINB:   {Name: "lduminb", Fixed: 0x38207000, Args: "Ws Wt [Xn|SP]"},
	LDUMINH:   {Name: "lduminh", Fixed: 0x78207000, Args: "Ws Wt [Xn|SP]"},
	LDUMINW:   {Name: "ldumin", Fixed: 0xb8207000, Args: "Ws Wt [Xn|SP]"},
	LDUMINX:   {Name: "ldumin", Fixed: 0xf8207000, Args: "Xs Xt [Xn|SP]"},
	LDUMINAB:  {Name: "lduminab", Fixed: 0x38a07000, Args: "Ws Wt [Xn|SP]"},
	LDUMINAH:  {Name: "lduminah", Fixed: 0x78a07000, Args: "Ws Wt [Xn|SP]"},
	LDUMINAW:  {Name: "ldumina", Fixed: 0xb8a07000, Args: "Ws Wt [Xn|SP]"},
	LDUMINAX:  {Name: "ldumina", Fixed: 0xf8a07000, Args: "Xs Xt [Xn|SP]"},
	LDUMINLB:  {Name: "lduminlb", Fixed: 0x38607000, Args: "Ws Wt [Xn|SP]"},
	LDUMINLH:  {Name: "lduminlh", Fixed: 0x78607000, Args: "Ws Wt [Xn|SP]"},
	LDUMINLW:  {Name: "lduminl", Fixed: 0xb8607000, Args: "Ws Wt [Xn|SP]"},
	LDUMINLX:  {Name: "lduminl", Fixed: 0xf8607000, Args: "Xs Xt [Xn|SP]"},
	LDUMINALB: {Name: "lduminalb", Fixed: 0x38e07000, Args: "Ws Wt [Xn|SP]"},
	LDUMINALH: {Name: "lduminalh", Fixed: 0x78e07000, Args: "Ws Wt [Xn|SP]"},
	LDUMINALW: {Name: "lduminal", Fixed: 0xb8e07000, Args: "Ws Wt [Xn|SP]"},
	LDUMINALX: {Name: "lduminal", Fixed: 0xf8e07000, Args: "Xs Xt [Xn|SP]"},
	// SWP{A,L,AL}{B,H} <Ws>, <Wt>|<Xt>, [<Xn|SP>]   (FEAT_LSE)
	SWPB:   {Name: "swpb", Fixed: 0x38208000, Args: "Ws Wt [Xn|SP]"},
	SWPH:   {Name: "swph", Fixed: 0x78208000, Args: "Ws Wt [Xn|SP]"},
	SWPW:   {Name: "swp", Fixed: 0xb8208000, Args: "Ws Wt [Xn|SP]"},
	SWPX:   {Name: "swp", Fixed: 0xf8208000, Args: "Xs Xt [Xn|SP]"},
	SWPAB:  {Name: "swpab", Fixed: 0x38a08000, Args: "Ws Wt [Xn|SP]"},
	SWPAH:  {Name: "swpah", Fixed: 0x78a08000, Args: "Ws Wt [Xn|SP]"},
	SWPAW:  {Name: "swpa", Fixed: 0xb8a08000, Args: "Ws Wt [Xn|SP]"},
	SWPAX:  {Name: "swpa", Fixed: 0xf8a08000, Args: "Xs Xt [Xn|SP]"},
	SWPLB:  {Name: "swplb", Fixed: 0x38608000, Args: "Ws Wt [Xn|SP]"},
	SWPLH:  {Name: "swplh", Fixed: 0x78608000, Args: "Ws Wt [Xn|SP]"},
	SWPLW:  {Name: "swpl", Fixed: 0xb8608000, Args: "Ws Wt [Xn|SP]"},
	SWPLX:  {Name: "swpl", Fixed: 0xf8608000, Args: "Xs Xt [Xn|SP]"},
	SWPALB: {Name: "swpalb", Fixed: 0x38e08000, Args: "Ws Wt [Xn|SP]"},
	SWPALH: {Name: "swpalh", Fixed: 0x78e08000, Args: "Ws Wt [Xn|SP]"},
	SWPALW: {Name: "swpal", Fixed: 0xb8e08000, Args: "Ws Wt [Xn|SP]"},
	SWPALX: {Name: "swpal", Fixed: 0xf8e08000, Args: "Xs Xt [Xn|SP]"},
	// CAS{A,L,AL}{B,H} <Ws>, <Wt>|<Xt>, [<Xn|SP>{, #0}]   (FEAT_LSE)
	CASB:   {Name: "casb", Fixed: 0x08a07c00, Args: "Ws Wt [Xn|SP]"},
	CASH:   {Name: "cash", Fixed: 0x48a07c00, Args: "Ws Wt [Xn|SP]"},
	CASW:   {Name: "cas", Fixed: 0x88a07c00, Args: "Ws Wt [Xn|SP]"},
	CASX:   {Name: "cas", Fixed: 0xc8a07c00, Args: "Xs Xt [Xn|SP]"},
	CASAB:  {Name: "casab", Fixed: 0x08e07c00, Args: "Ws Wt [Xn|SP]"},
	CASAH:  {Name: "casah", Fixed: 0x48e07c00, Args: "Ws Wt [Xn|SP]"},
	CASAW:  {Name: "casa", Fixed: 0x88e07c00, Args: "Ws Wt [Xn|SP]"},
	CASAX:  {Name: "casa", Fixed: 0xc8e07c00, Args: "Xs Xt [Xn|SP]"},
	CASLB:  {Name: "caslb", Fixed: 0x08a0fc00, Args: "Ws Wt [Xn|SP]"},
	CASLH:  {Name: "caslh", Fixed: 0x48a0fc00, Args: "Ws Wt [Xn|SP]"},
	CASLW:  {Name: "casl", Fixed: 0x88a0fc00, Args: "Ws Wt [Xn|SP]"},
	CASLX:  {Name: "casl", Fixed: 0xc8a0fc00, Args: "Xs Xt [Xn|SP]"},
	CASALB: {Name: "casalb", Fixed: 0x08e0fc00, Args: "Ws Wt [Xn|SP]"},
	CASALH: {Name: "casalh", Fixed: 0x48e0fc00, Args: "Ws Wt [Xn|SP]"},
	CASALW: {Name: "casal", Fixed: 0x88e0fc00, Args: "Ws Wt [Xn|SP]"},
	CASALX: {Name: "casal", Fixed: 0xc8e0fc00, Args: "Xs Xt [Xn|SP]"},

	// ---- Load register (literal) ----
	// LDR <Wt>, <label>
	LDRWl:  {Name: "ldr", Fixed: 0x18000000, Args: "Wt L:5:19:2"},
	LDRXl:  {Name: "ldr", Fixed: 0x58000000, Args: "Xt L:5:19:2"},
	LDRSWl: {Name: "ldrsw", Fixed: 0x98000000, Args: "Xt L:5:19:2"},
	LDRSl:  {Name: "ldr", Fixed: 0x1c000000, Args: "St L:5:19:2"},
	LDRDl:  {Name: "ldr", Fixed: 0x5c000000, Args: "Dt L:5:19:2"},
	LDRQl:  {Name: "ldr", Fixed: 0x9c000000, Args: "Qt L:5:19:2"},

	// ---- Barriers and hints ----
	// DMB <option>|#<imm>
	DMB: {Name: "dmb", Fixed: 0xd50330bf, Args: "#barrier"},
	DSB: {Name: "dsb", Fixed: 0xd503309f, Args: "#barrier"},
	// ISB {SY}
	ISB: {Name: "isb", Fixed: 0xd5033fdf, Args: ""},
	// NOP
	NOP: {Name: "nop", Fixed: 0xd503201f, Args: ""},
	// BRK #<imm>
	BRK: {Name: "brk", Fixed: 0xd4200000, Args: "#imm16@5"},
	// UDF #<imm>   (permanently undefined)
	UDF: {Name: "udf", Fixed: 0x00000000, Args: "#u:0:16"},

	// ---- Branches ----
	// B <label>
	B:  {Name: "b", Fixed: 0x14000000, Args: "L:0:26:2"},
	BL: {Name: "bl", Fixed: 0x94000000, Args: "L:0:26:2"},
	// B.<cond> <label>
	Bcc: {Name: "b.cond", Fixed: 0x54000000, Args: "cond@0 L:5:19:2"},
	// BR <Xn>
	BR:  {Name: "br", Fixed: 0xd61f0000, Args: "Xn"},
	BLR: {Name: "blr", Fixed: 0xd63f0000, Args: "Xn"},
	// RET {<Xn>}
	RET:   {Name: "ret", Fixed: 0xd65f0000, Args: "Xn"},
	RETLR: {Name: "ret", Fixed: 0xd65f03c0, Args: ""},
	// CBZ <Wt>, <label>
	CBZW:  {Name: "cbz", Fixed: 0x34000000, Args: "Wt L:5:19:2"},
	CBZX:  {Name: "cbz", Fixed: 0xb4000000, Args: "Xt L:5:19:2"},
	CBNZW: {Name: "cbnz", Fixed: 0x35000000, Args: "Wt L:5:19:2"},
	CBNZX: {Name: "cbnz", Fixed: 0xb5000000, Args: "Xt L:5:19:2"},
	// TBZ <R><t>, #<imm>, <label>
	TBZ:  {Name: "tbz", Fixed: 0x36000000, Args: "Rt #tbit L:5:14:2"},
	TBNZ: {Name: "tbnz", Fixed: 0x37000000, Args: "Rt #tbit L:5:14:2"},
	// ADR <Xd>, <label>  ;  ADRP <Xd>, <label>
	ADR:  {Name: "adr", Fixed: 0x10000000, Args: "Xd L:255:21:0"},
	ADRP: {Name: "adrp", Fixed: 0x90000000, Args: "Xd L:255:21:12"},

	// ---- Floating-point data-processing (2 source) ----
	// FADD <Sd>, <Sn>, <Sm>
	FMULS:   {Name: "fmul", Fixed: 0x1e200800, Args: "Sd Sn Sm"},
	FMULD:   {Name: "fmul", Fixed: 0x1e600800, Args: "Dd Dn Dm"},
	FDIVS:   {Name: "fdiv", Fixed: 0x1e201800, Args: "Sd Sn Sm"},
	FDIVD:   {Name: "fdiv", Fixed: 0x1e601800, Args: "Dd Dn Dm"},
	FADDS:   {Name: "fadd", Fixed: 0x1e202800, Args: "Sd Sn Sm"},
	FADDD:   {Name: "fadd", Fixed: 0x1e602800, Args: "Dd Dn Dm"},
	FSUBS:   {Name: "fsub", Fixed: 0x1e203800, Args: "Sd Sn Sm"},
	FSUBD:   {Name: "fsub", Fixed: 0x1e603800, Args: "Dd Dn Dm"},
	FMAXS:   {Name: "fmax", Fixed: 0x1e204800, Args: "Sd Sn Sm"},
	FMAXD:   {Name: "fmax", Fixed: 0x1e604800, Args: "Dd Dn Dm"},
	FMINS:   {Name: "fmin", Fixed: 0x1e205800, Args: "Sd Sn Sm"},
	FMIND:   {Name: "fmin", Fixed: 0x1e605800, Args: "Dd Dn Dm"},
	FMAXNMS: {Name: "fmaxnm", Fixed: 0x1e206800, Args: "Sd Sn Sm"},
	FMAXNMD: {Name: "fmaxnm", Fixed: 0x1e606800, Args: "Dd Dn Dm"},
	FMINNMS: {Name: "fminnm", Fixed: 0x1e207800, Args: "Sd Sn Sm"},
	FMINNMD: {Name: "fminnm", Fixed: 0x1e607800, Args: "Dd Dn Dm"},
	FNMULS:  {Name: "fnmul", Fixed: 0x1e208800, Args: "Sd Sn Sm"},
	FNMULD:  {Name: "fnmul", Fixed: 0x1e608800, Args: "Dd Dn Dm"},

	// ---- Floating-point data-processing (1 source) ----
	// FMOV <Sd>, <Sn>
	FMOVS:  {Name: "fmov", Fixed: 0x1e204000, Args: "Sd Sn"},
	FMOVD:  {Name: "fmov", Fixed: 0x1e604000, Args: "Dd Dn"},
	FABSS:  {Name: "fabs", Fixed: 0x1e20c000, Args: "Sd Sn"},
	FABSD:  {Name: "fabs", Fixed: 0x1e60c000, Args: "Dd Dn"},
	FNEGS:  {Name: "fneg", Fixed: 0x1e214000, Args: "Sd Sn"},
	FNEGD:  {Name: "fneg", Fixed: 0x1e614000, Args: "Dd Dn"},
	FSQRTS: {Name: "fsqrt", Fixed: 0x1e21c000, Args: "Sd Sn"},
	FSQRTD: {Name: "fsqrt", Fixed: 0x1e61c000, Args: "Dd Dn"},
	// FCVT <Sd>, <Dn>  (and every other pair of H, S, D)
	FCVTSD: {Name: "fcvt", Fixed: 0x1e624000, Args: "Sd Dn"},
	FCVTDS: {Name: "fcvt", Fixed: 0x1e22c000, Args: "Dd Sn"},
	FCVTHS: {Name: "fcvt", Fixed: 0x1e23c000, Args: "Hd Sn"},
	FCVTHD: {Name: "fcvt", Fixed: 0x1e63c000, Args: "Hd Dn"},
	FCVTSH: {Name: "fcvt", Fixed: 0x1ee24000, Args: "Sd Hn"},
	FCVTDH: {Name: "fcvt", Fixed: 0x1ee2c000, Args: "Dd Hn"},
	// FRINT<r> <Sd>, <Sn>
	FRINTNS: {Name: "frintn", Fixed: 0x1e244000, Args: "Sd Sn"},
	FRINTND: {Name: "frintn", Fixed: 0x1e644000, Args: "Dd Dn"},
	FRINTPS: {Name: "frintp", Fixed: 0x1e24c000, Args: "Sd Sn"},
	FRINTPD: {Name: "frintp", Fixed: 0x1e64c000, Args: "Dd Dn"},
	FRINTMS: {Name: "frintm", Fixed: 0x1e254000, Args: "Sd Sn"},
	FRINTMD: {Name: "frintm", Fixed: 0x1e654000, Args: "Dd Dn"},
	FRINTZS: {Name: "frintz", Fixed: 0x1e25c000, Args: "Sd Sn"},
	FRINTZD: {Name: "frintz", Fixed: 0x1e65c000, Args: "Dd Dn"},
	FRINTAS: {Name: "frinta", Fixed: 0x1e264000, Args: "Sd Sn"},
	FRINTAD: {Name: "frinta", Fixed: 0x1e664000, Args: "Dd Dn"},
	FRINTXS: {Name: "frintx", Fixed: 0x1e274000, Args: "Sd Sn"},
	FRINTXD: {Name: "frintx", Fixed: 0x1e674000, Args: "Dd Dn"},
	FRINTIS: {Name: "frinti", Fixed: 0x1e27c000, Args: "Sd Sn"},
	FRINTID: {Name: "frinti", Fixed: 0x1e67c000, Args: "Dd Dn"},

	// ---- Floating-point data-processing (3 source) ----
	// FMADD <Sd>, <Sn>, <Sm>, <Sa>
	FMADDS:  {Name: "fmadd", Fixed: 0x1f000000, Args: "Sd Sn Sm Sa"},
	FMADDD:  {Name: "fmadd", Fixed: 0x1f400000, Args: "Dd Dn Dm Da"},
	FMSUBS:  {Name: "fmsub", Fixed: 0x1f008000, Args: "Sd Sn Sm Sa"},
	FMSUBD:  {Name: "fmsub", Fixed: 0x1f408000, Args: "Dd Dn Dm Da"},
	FNMADDS: {Name: "fnmadd", Fixed: 0x1f200000, Args: "Sd Sn Sm Sa"},
	FNMADDD: {Name: "fnmadd", Fixed: 0x1f600000, Args: "Dd Dn Dm Da"},
	FNMSUBS: {Name: "fnmsub", Fixed: 0x1f208000, Args: "Sd Sn Sm Sa"},
	FNMSUBD: {Name: "fnmsub", Fixed: 0x1f608000, Args: "Dd Dn Dm Da"},

	// ---- Floating-point compare and select ----
	// FCMP <Sn>, <Sm>  ;  FCMP <Sn>, #0.0  ;  FCMPE likewise
	FCMPS:   {Name: "fcmp", Fixed: 0x1e202000, Args: "Sn Sm"},
	FCMPD:   {Name: "fcmp", Fixed: 0x1e602000, Args: "Dn Dm"},
	FCMPS0:  {Name: "fcmp", Fixed: 0x1e202008, Args: "Sn #0"},
	FCMPD0:  {Name: "fcmp", Fixed: 0x1e602008, Args: "Dn #0"},
	FCMPES:  {Name: "fcmpe", Fixed: 0x1e202010, Args: "Sn Sm"},
	FCMPED:  {Name: "fcmpe", Fixed: 0x1e602010, Args: "Dn Dm"},
	FCMPES0: {Name: "fcmpe", Fixed: 0x1e202018, Args: "Sn #0"},
	FCMPED0: {Name: "fcmpe", Fixed: 0x1e602018, Args: "Dn #0"},
	// FCCMP <Sn>, <Sm>, #<nzcv>, <cond>  ;  FCCMPE likewise
	FCCMPS:  {Name: "fccmp", Fixed: 0x1e200400, Args: "Sn Sm #x:0:4 cond@12"},
	FCCMPD:  {Name: "fccmp", Fixed: 0x1e600400, Args: "Dn Dm #x:0:4 cond@12"},
	FCCMPES: {Name: "fccmpe", Fixed: 0x1e200410, Args: "Sn Sm #x:0:4 cond@12"},
	FCCMPED: {Name: "fccmpe", Fixed: 0x1e600410, Args: "Dn Dm #x:0:4 cond@12"},
	// FCSEL <Sd>, <Sn>, <Sm>, <cond>
	FCSELS: {Name: "fcsel", Fixed: 0x1e200c00, Args: "Sd Sn Sm cond@12"},
	FCSELD: {Name: "fcsel", Fixed: 0x1e600c00, Args: "Dd Dn Dm cond@12"},
	// FMOV <Sd>, #<imm>
	FMOVSi: {Name: "fmov", Fixed: 0x1e201000, Args: "Sd #fimm"},
	FMOVDi: {Name: "fmov", Fixed: 0x1e601000, Args: "Dd #fimm"},

	// ---- Conversion between floating-point and integer ----
	// FCVTZS <Wd>, <Sn>
	FCVTZSWS: {Name: "fcvtzs", Fixed: 0x1e380000, Args: "Wd Sn"},
	FCVTZSXS: {Name: "fcvtzs", Fixed: 0x9e380000, Args: "Xd Sn"},
	FCVTZSWD: {Name: "fcvtzs", Fixed: 0x1e780000, Args: "Wd Dn"},
	FCVTZSXD: {Name: "fcvtzs", Fixed: 0x9e780000, Args: "Xd Dn"},
	FCVTZUWS: {Name: "fcvtzu", Fixed: 0x1e390000, Args: "Wd Sn"},
	FCVTZUXS: {Name: "fcvtzu", Fixed: 0x9e390000, Args: "Xd Sn"},
	FCVTZUWD: {Name: "fcvtzu", Fixed: 0x1e790000, Args: "Wd Dn"},
	FCVTZUXD: {Name: "fcvtzu", Fixed: 0x9e790000, Args: "Xd Dn"},
	// FCVT{N,A,P,M}{S,U} <Wd>, <Sn>         (round to nearest even, nearest away, +inf, -inf)
	FCVTNSWS: {Name: "fcvtns", Fixed: 0x1e200000, Args: "Wd Sn"},
	FCVTNSXS: {Name: "fcvtns", Fixed: 0x9e200000, Args: "Xd Sn"},
	FCVTNSWD: {Name: "fcvtns", Fixed: 0x1e600000, Args: "Wd Dn"},
	FCVTNSXD: {Name: "fcvtns", Fixed: 0x9e600000, Args: "Xd Dn"},
	FCVTNUWS: {Name: "fcvtnu", Fixed: 0x1e210000, Args: "Wd Sn"},
	FCVTNUXS: {Name: "fcvtnu", Fixed: 0x9e210000, Args: "Xd Sn"},
	FCVTNUWD: {Name: "fcvtnu", Fixed: 0x1e610000, Args: "Wd Dn"},
	FCVTNUXD: {Name: "fcvtnu", Fixed: 0x9e610000, Args: "Xd Dn"},
	FCVTASWS: {Name: "fcvtas", Fixed: 0x1e240000, Args: "Wd Sn"},
	FCVTASXS: {Name: "fcvtas", Fixed: 0x9e240000, Args: "Xd Sn"},
	FCVTASWD: {Name: "fcvtas", Fixed: 0x1e640000, Args: "Wd Dn"},
	FCVTASXD: {Name: "fcvtas", Fixed: 0x9e640000, Args: "Xd Dn"},
	FCVTAUWS: {Name: "fcvtau", Fixed: 0x1e250000, Args: "Wd Sn"},
	FCVTAUXS: {Name: "fcvtau", Fixed: 0x9e250000, Args: "Xd Sn"},
	FCVTAUWD: {Name: "fcvtau", Fixed: 0x1e650000, Args: "Wd Dn"},
	FCVTAUXD: {Name: "fcvtau", Fixed: 0x9e650000, Args: "Xd Dn"},
	FCVTPSWS: {Name: "fcvtps", Fixed: 0x1e280000, Args: "Wd Sn"},
	FCVTPSXS: {Name: "fcvtps", Fixed: 0x9e280000, Args: "Xd Sn"},
	FCVTPSWD: {Name: "fcvtps", Fixed: 0x1e680000, Args: "Wd Dn"},
	FCVTPSXD: {Name: "fcvtps", Fixed: 0x9e680000, Args: "Xd Dn"},
	FCVTPUWS: {Name: "fcvtpu", Fixed: 0x1e290000, Args: "Wd Sn"},
	FCVTPUXS: {Name: "fcvtpu", Fixed: 0x9e290000, Args: "Xd Sn"},
	FCVTPUWD: {Name: "fcvtpu", Fixed: 0x1e690000, Args: "Wd Dn"},
	FCVTPUXD: {Name: "fcvtpu", Fixed: 0x9e690000, Args: "Xd Dn"},
	FCVTMSWS: {Name: "fcvtms", Fixed: 0x1e300000, Args: "Wd Sn"},
	FCVTMSXS: {Name: "fcvtms", Fixed: 0x9e300000, Args: "Xd Sn"},
	FCVTMSWD: {Name: "fcvtms", Fixed: 0x1e700000, Args: "Wd Dn"},
	FCVTMSXD: {Name: "fcvtms", Fixed: 0x9e700000, Args: "Xd Dn"},
	FCVTMUWS: {Name: "fcvtmu", Fixed: 0x1e310000, Args: "Wd Sn"},
	FCVTMUXS: {Name: "fcvtmu", Fixed: 0x9e310000, Args: "Xd Sn"},
	FCVTMUWD: {Name: "fcvtmu", Fixed: 0x1e710000, Args: "Wd Dn"},
	FCVTMUXD: {Name: "fcvtmu", Fixed: 0x9e710000, Args: "Xd Dn"},
	// SCVTF <Sd>, <Wn>
	SCVTFSW: {Name: "scvtf", Fixed: 0x1e220000, Args: "Sd Wn"},
	SCVTFSX: {Name: "scvtf", Fixed: 0x9e220000, Args: "Sd Xn"},
	SCVTFDW: {Name: "scvtf", Fixed: 0x1e620000, Args: "Dd Wn"},
	SCVTFDX: {Name: "scvtf", Fixed: 0x9e620000, Args: "Dd Xn"},
	UCVTFSW: {Name: "ucvtf", Fixed: 0x1e230000, Args: "Sd Wn"},
	UCVTFSX: {Name: "ucvtf", Fixed: 0x9e230000, Args: "Sd Xn"},
	UCVTFDW: {Name: "ucvtf", Fixed: 0x1e630000, Args: "Dd Wn"},
	UCVTFDX: {Name: "ucvtf", Fixed: 0x9e630000, Args: "Dd Xn"},
	// FMOV <Wd>, <Sn>  ;  FMOV <Sd>, <Wn>  ;  FMOV <Xd>, <Dn>  ;  FMOV <Dd>, <Xn>
	FMOVWS: {Name: "fmov", Fixed: 0x1e260000, Args: "Wd Sn"},
	FMOVSW: {Name: "fmov", Fixed: 0x1e270000, Args: "Sd Wn"},
	FMOVXD: {Name: "fmov", Fixed: 0x9e660000, Args: "Xd Dn"},
	FMOVDX: {Name: "fmov", Fixed: 0x9e670000, Args: "Dd Xn"},

	// ---- Advanced SIMD three same ----
	// ADD <Vd>.<T>, <Vn>.<T>, <Vm>.<T>
	VADD:   {Name: "add", Fixed: 0x0e208400, Args: "T=BHSD Vd.T Vn.T Vm.T"},
	VSUB:   {Name: "sub", Fixed: 0x2e208400, Args: "T=BHSD Vd.T Vn.T Vm.T"},
	VMUL:   {Name: "mul", Fixed: 0x0e209c00, Args: "T=BHS Vd.T Vn.T Vm.T"},
	SQADD:  {Name: "sqadd", Fixed: 0x0e200c00, Args: "T=BHSD Vd.T Vn.T Vm.T"},
	UQADD:  {Name: "uqadd", Fixed: 0x2e200c00, Args: "T=BHSD Vd.T Vn.T Vm.T"},
	SQSUB:  {Name: "sqsub", Fixed: 0x0e202c00, Args: "T=BHSD Vd.T Vn.T Vm.T"},
	UQSUB:  {Name: "uqsub", Fixed: 0x2e202c00, Args: "T=BHSD Vd.T Vn.T Vm.T"},
	SMAX:   {Name: "smax", Fixed: 0x0e206400, Args: "T=BHS Vd.T Vn.T Vm.T"},
	SMIN:   {Name: "smin", Fixed: 0x0e206c00, Args: "T=BHS Vd.T Vn.T Vm.T"},
	UMAX:   {Name: "umax", Fixed: 0x2e206400, Args: "T=BHS Vd.T Vn.T Vm.T"},
	UMIN:   {Name: "umin", Fixed: 0x2e206c00, Args: "T=BHS Vd.T Vn.T Vm.T"},
	URHADD: {Name: "urhadd", Fixed: 0x2e201400, Args: "T=BHS Vd.T Vn.T Vm.T"},
	CMEQ:   {Name: "cmeq", Fixed: 0x2e208c00, Args: "T=BHSD Vd.T Vn.T Vm.T"},
	CMGE:   {Name: "cmge", Fixed: 0x0e203c00, Args: "T=BHSD Vd.T Vn.T Vm.T"},
	CMGT:   {Name: "cmgt", Fixed: 0x0e203400, Args: "T=BHSD Vd.T Vn.T Vm.T"},
	CMHI:   {Name: "cmhi", Fixed: 0x2e203400, Args: "T=BHSD Vd.T Vn.T Vm.T"},
	CMHS:   {Name: "cmhs", Fixed: 0x2e203c00, Args: "T=BHSD Vd.T Vn.T Vm.T"},
	SSHL:   {Name: "sshl", Fixed: 0x0e204400, Args: "T=BHSD Vd.T Vn.T Vm.T"},
	USHL:   {Name: "ushl", Fixed: 0x2e204400, Args: "T=BHSD Vd.T Vn.T Vm.T"},
	ADDP:   {Name: "addp", Fixed: 0x0e20bc00, Args: "T=BHSD Vd.T Vn.T Vm.T"},
	// SQRDMULH <Vd>.<T>, <Vn>.<T>, <Vm>.<T>  (T: 4H, 8H, 2S, 4S)
	SQRDMULH: {Name: "sqrdmulh", Fixed: 0x2e20b400, Args: "T=4H,8H,2S,4S Vd.T Vn.T Vm.T"},
	CMTST:    {Name: "cmtst", Fixed: 0x0e208c00, Args: "T=BHSD Vd.T Vn.T Vm.T"},
	// SMAXP <Vd>.<T>, <Vn>.<T>, <Vm>.<T>
	SMAXP: {Name: "smaxp", Fixed: 0x0e20a400, Args: "T=BHS Vd.T Vn.T Vm.T"},
	SMINP: {Name: "sminp", Fixed: 0x0e20ac00, Args: "T=BHS Vd.T Vn.T Vm.T"},
	UMAXP: {Name: "umaxp", Fixed: 0x2e20a400, Args: "T=BHS Vd.T Vn.T Vm.T"},
	UMINP: {Name: "uminp", Fixed: 0x2e20ac00, Args: "T=BHS Vd.T Vn.T Vm.T"},
	// AND <Vd>.<T>, <Vn>.<T>, <Vm>.<T>       (T: 8B or 16B)
	VAND: {Name: "and", Fixed: 0x0e201c00, Args: "Tq=B Vd.T Vn.T Vm.T"},
	VBIC: {Name: "bic", Fixed: 0x0e601c00, Args: "Tq=B Vd.T Vn.T Vm.T"},
	VORR: {Name: "orr", Fixed: 0x0ea01c00, Args: "Tq=B Vd.T Vn.T Vm.T"},
	VORN: {Name: "orn", Fixed: 0x0ee01c00, Args: "Tq=B Vd.T Vn.T Vm.T"},
	VEOR: {Name: "eor", Fixed: 0x2e201c00, Args: "Tq=B Vd.T Vn.T Vm.T"},
	VBSL: {Name: "bsl", Fixed: 0x2e601c00, Args: "Tq=B Vd.T Vn.T Vm.T"},
	VBIT: {Name: "bit", Fixed: 0x2ea01c00, Args: "Tq=B Vd.T Vn.T Vm.T"},
	VBIF: {Name: "bif", Fixed: 0x2ee01c00, Args: "Tq=B Vd.T Vn.T Vm.T"},
	// MOV <Vd>.<T>, <Vn>.<T>                 (ORR <Vd>.<T>, <Vn>.<T>, <Vn>.<T>)
	VMOV: {Name: "mov", Fixed: 0x0ea01c00, Args: "Tq=B Vd.T Vnm.T"},
	// FADD <Vd>.<T>, <Vn>.<T>, <Vm>.<T>      (T: 2S, 4S, 2D)
	VFADD:   {Name: "fadd", Fixed: 0x0e20d400, Args: "Tsz=SD Vd.T Vn.T Vm.T"},
	VFSUB:   {Name: "fsub", Fixed: 0x0ea0d400, Args: "Tsz=SD Vd.T Vn.T Vm.T"},
	VFMUL:   {Name: "fmul", Fixed: 0x2e20dc00, Args: "Tsz=SD Vd.T Vn.T Vm.T"},
	VFDIV:   {Name: "fdiv", Fixed: 0x2e20fc00, Args: "Tsz=SD Vd.T Vn.T Vm.T"},
	VFMAX:   {Name: "fmax", Fixed: 0x0e20f400, Args: "Tsz=SD Vd.T Vn.T Vm.T"},
	VFMIN:   {Name: "fmin", Fixed: 0x0ea0f400, Args: "Tsz=SD Vd.T Vn.T Vm.T"},
	VFMAXNM: {Name: "fmaxnm", Fixed: 0x0e20c400, Args: "Tsz=SD Vd.T Vn.T Vm.T"},
	VFMINNM: {Name: "fminnm", Fixed: 0x0ea0c400, Args: "Tsz=SD Vd.T Vn.T Vm.T"},
	VFCMEQ:  {Name: "fcmeq", Fixed: 0x0e20e400, Args: "Tsz=SD Vd.T Vn.T Vm.T"},
	VFCMGE:  {Name: "fcmge", Fixed: 0x2e20e400, Args: "Tsz=SD Vd.T Vn.T Vm.T"},
	VFCMGT:  {Name: "fcmgt", Fixed: 0x2ea0e400, Args: "Tsz=SD Vd.T Vn.T Vm.T"},
	// FMLA <Vd>.<T>, <Vn>.<T>, <Vm>.<T>      (fused multiply-add into Vd)
	VFMLA: {Name: "fmla", Fixed: 0x0e20cc00, Args: "Tsz=SD Vd.T Vn.T Vm.T"},
	VFMLS: {Name: "fmls", Fixed: 0x0ea0cc00, Args: "Tsz=SD Vd.T Vn.T Vm.T"},

	// ---- Advanced SIMD two-register miscellaneous ----
	// ABS <Vd>.<T>, <Vn>.<T>
	VABS: {Name: "abs", Fixed: 0x0e20b800, Args: "T=BHSD Vd.T Vn.T"},
	VNEG: {Name: "neg", Fixed: 0x2e20b800, Args: "T=BHSD Vd.T Vn.T"},
	// SADDLP <Vd>.<Ta>, <Vn>.<Tb>            (add adjacent pairs, widening)
	SADDLP: {Name: "saddlp", Fixed: 0x0e202800, Args: "T=BHS Vd.Tp Vn.T"},
	UADDLP: {Name: "uaddlp", Fixed: 0x2e202800, Args: "T=BHS Vd.Tp Vn.T"},
	// CNT <Vd>.<T>, <Vn>.<T>                 (T: 8B or 16B)
	CNT: {Name: "cnt", Fixed: 0x0e205800, Args: "T=B Vd.T Vn.T"},
	// NOT <Vd>.<T>, <Vn>.<T>  (printed MVN)
	VNOT: {Name: "mvn", Fixed: 0x2e205800, Args: "T=B Vd.T Vn.T"},
	// CMEQ <Vd>.<T>, <Vn>.<T>, #0
	CMEQz: {Name: "cmeq", Fixed: 0x0e209800, Args: "T=BHSD Vd.T Vn.T #0"},
	CMGEz: {Name: "cmge", Fixed: 0x2e208800, Args: "T=BHSD Vd.T Vn.T #0"},
	CMGTz: {Name: "cmgt", Fixed: 0x0e208800, Args: "T=BHSD Vd.T Vn.T #0"},
	CMLEz: {Name: "cmle", Fixed: 0x2e209800, Args: "T=BHSD Vd.T Vn.T #0"},
	CMLTz: {Name: "cmlt", Fixed: 0x0e20a800, Args: "T=BHSD Vd.T Vn.T #0"},
	// XTN{2} <Vd>.<Tb>, <Vn>.<Ta>
	XTN:     {Name: "xtn", Fixed: 0x0e212800, Args: "T=8B,4H,2S Vd.T Vn.Ta"},
	XTN2:    {Name: "xtn2", Fixed: 0x0e212800, Args: "T=16B,8H,4S Vd.T Vn.Ta"},
	SQXTN:   {Name: "sqxtn", Fixed: 0x0e214800, Args: "T=8B,4H,2S Vd.T Vn.Ta"},
	SQXTN2:  {Name: "sqxtn2", Fixed: 0x0e214800, Args: "T=16B,8H,4S Vd.T Vn.Ta"},
	SQXTUN:  {Name: "sqxtun", Fixed: 0x2e212800, Args: "T=8B,4H,2S Vd.T Vn.Ta"},
	SQXTUN2: {Name: "sqxtun2", Fixed: 0x2e212800, Args: "T=16B,8H,4S Vd.T Vn.Ta"},
	UQXTN:   {Name: "uqxtn", Fixed: 0x2e214800, Args: "T=8B,4H,2S Vd.T Vn.Ta"},
	UQXTN2:  {Name: "uqxtn2", Fixed: 0x2e214800, Args: "T=16B,8H,4S Vd.T Vn.Ta"},
	// FABS <Vd>.<T>, <Vn>.<T>
	VFABS:   {Name: "fabs", Fixed: 0x0ea0f800, Args: "Tsz=SD Vd.T Vn.T"},
	VFNEG:   {Name: "fneg", Fixed: 0x2ea0f800, Args: "Tsz=SD Vd.T Vn.T"},
	VFSQRT:  {Name: "fsqrt", Fixed: 0x2ea1f800, Args: "Tsz=SD Vd.T Vn.T"},
	VFCVTZS: {Name: "fcvtzs", Fixed: 0x0ea1b800, Args: "Tsz=SD Vd.T Vn.T"},
	VFCVTZU: {Name: "fcvtzu", Fixed: 0x2ea1b800, Args: "Tsz=SD Vd.T Vn.T"},
	VSCVTF:  {Name: "scvtf", Fixed: 0x0e21d800, Args: "Tsz=SD Vd.T Vn.T"},
	VUCVTF:  {Name: "ucvtf", Fixed: 0x2e21d800, Args: "Tsz=SD Vd.T Vn.T"},
	VFRINTN: {Name: "frintn", Fixed: 0x0e218800, Args: "Tsz=SD Vd.T Vn.T"},
	VFRINTM: {Name: "frintm", Fixed: 0x0e219800, Args: "Tsz=SD Vd.T Vn.T"},
	VFRINTP: {Name: "frintp", Fixed: 0x0ea18800, Args: "Tsz=SD Vd.T Vn.T"},
	VFRINTZ: {Name: "frintz", Fixed: 0x0ea19800, Args: "Tsz=SD Vd.T Vn.T"},
	VFRINTA: {Name: "frinta", Fixed: 0x2e218800, Args: "Tsz=SD Vd.T Vn.T"},
	VFRINTX: {Name: "frintx", Fixed: 0x2e219800, Args: "Tsz=SD Vd.T Vn.T"},
	VFRINTI: {Name: "frinti", Fixed: 0x2ea19800, Args: "Tsz=SD Vd.T Vn.T"},
	// FCVTL{2} <Vd>.<Ta>, <Vn>.<Tb>  ;  FCVTN{2} <Vd>.<Tb>, <Vn>.<Ta>
	FCVTL4S:  {Name: "fcvtl", Fixed: 0x0e217800, Args: "Vd.4S Vn.4H"},
	FCVTL2D:  {Name: "fcvtl", Fixed: 0x0e617800, Args: "Vd.2D Vn.2S"},
	FCVTL24S: {Name: "fcvtl2", Fixed: 0x4e217800, Args: "Vd.4S Vn.8H"},
	FCVTL22D: {Name: "fcvtl2", Fixed: 0x4e617800, Args: "Vd.2D Vn.4S"},
	FCVTN4H:  {Name: "fcvtn", Fixed: 0x0e216800, Args: "Vd.4H Vn.4S"},
	FCVTN2S:  {Name: "fcvtn", Fixed: 0x0e616800, Args: "Vd.2S Vn.2D"},
	FCVTN28H: {Name: "fcvtn2", Fixed: 0x4e216800, Args: "Vd.8H Vn.4S"},
	FCVTN24S: {Name: "fcvtn2", Fixed: 0x4e616800, Args: "Vd.4S Vn.2D"},

	// ---- Advanced SIMD across lanes ----
	// ADDV <V><d>, <Vn>.<T>
	ADDV:  {Name: "addv", Fixed: 0x0e31b800, Args: "T=8B,16B,4H,8H,4S Vd.Tv Vn.T"},
	SMAXV: {Name: "smaxv", Fixed: 0x0e30a800, Args: "T=8B,16B,4H,8H,4S Vd.Tv Vn.T"},
	SMINV: {Name: "sminv", Fixed: 0x0e31a800, Args: "T=8B,16B,4H,8H,4S Vd.Tv Vn.T"},
	UMAXV: {Name: "umaxv", Fixed: 0x2e30a800, Args: "T=8B,16B,4H,8H,4S Vd.Tv Vn.T"},
	UMINV: {Name: "uminv", Fixed: 0x2e31a800, Args: "T=8B,16B,4H,8H,4S Vd.Tv Vn.T"},

	// ---- Advanced SIMD three different ----
	// SMULL{2} <Vd>.<Ta>, <Vn>.<Tb>, <Vm>.<Tb>
	VSMULL:  {Name: "smull", Fixed: 0x0e20c000, Args: "T=8B,4H,2S Vd.Ta Vn.T Vm.T"},
	VSMULL2: {Name: "smull2", Fixed: 0x0e20c000, Args: "T=16B,8H,4S Vd.Ta Vn.T Vm.T"},
	VUMULL:  {Name: "umull", Fixed: 0x2e20c000, Args: "T=8B,4H,2S Vd.Ta Vn.T Vm.T"},
	VUMULL2: {Name: "umull2", Fixed: 0x2e20c000, Args: "T=16B,8H,4S Vd.Ta Vn.T Vm.T"},

	// ---- Advanced SIMD shift by immediate ----
	// SHL <Vd>.<T>, <Vn>.<T>, #<shift>       (immh:immb = esize + shift)
	SHL: {Name: "shl", Fixed: 0x0f005400, Args: "Tq=BHSD Vd.T Vn.T #vshl"},
	// SSHR <Vd>.<T>, <Vn>.<T>, #<shift>      (immh:immb = 2*esize - shift)
	SSHR: {Name: "sshr", Fixed: 0x0f000400, Args: "Tq=BHSD Vd.T Vn.T #vshr"},
	USHR: {Name: "ushr", Fixed: 0x2f000400, Args: "Tq=BHSD Vd.T Vn.T #vshr"},
	// SSHLL{2} <Vd>.<Ta>, <Vn>.<Tb>, #<shift>
	SSHLL:  {Name: "sshll", Fixed: 0x0f00a400, Args: "Tq=8B,4H,2S Vd.Ta Vn.T #vshl"},
	SSHLL2: {Name: "sshll2", Fixed: 0x0f00a400, Args: "Tq=16B,8H,4S Vd.Ta Vn.T #vshl"},
	USHLL:  {Name: "ushll", Fixed: 0x2f00a400, Args: "Tq=8B,4H,2S Vd.Ta Vn.T #vshl"},
	USHLL2: {Name: "ushll2", Fixed: 0x2f00a400, Args: "Tq=16B,8H,4S Vd.Ta Vn.T #vshl"},
	// SXTL{2} <Vd>.<Ta>, <Vn>.<Tb>           (SSHLL{2} ..., #0)
	SXTL:  {Name: "sxtl", Fixed: 0x0f00a400, Args: "Tq=8B,4H,2S Vd.Ta Vn.T #vshl0"},
	SXTL2: {Name: "sxtl2", Fixed: 0x0f00a400, Args: "Tq=16B,8H,4S Vd.Ta Vn.T #vshl0"},
	UXTL:  {Name: "uxtl", Fixed: 0x2f00a400, Args: "Tq=8B,4H,2S Vd.Ta Vn.T #vshl0"},
	UXTL2: {Name: "uxtl2", Fixed: 0x2f00a400, Args: "Tq=16B,8H,4S Vd.Ta Vn.T #vshl0"},

	// ---- Advanced SIMD copy, permute, extract, table ----
	// DUP <Vd>.<T>, <Vn>.<Ts>[<index>]
	DUPe: {Name: "dup", Fixed: 0x0e000400, Args: "Tq=BHSD Vd.T Vn.Ts[i]"},
	// DUP <Vd>.<T>, <R><n>
	DUPg: {Name: "dup", Fixed: 0x0e000c00, Args: "Tq5=BHSD Vd.T Rn.T"},
	// INS <Vd>.<Ts>[<index>], <R><n>         (printed MOV)
	INSg: {Name: "mov", Fixed: 0x4e001c00, Args: "Ts=16B,8H,4S,2D Vd.Ts[i] Rn.T"},
	// INS <Vd>.<Ts>[<index1>], <Vn>.<Ts>[<index2>]   (printed MOV)
	INSe: {Name: "mov", Fixed: 0x6e000400, Args: "Ts=16B,8H,4S,2D Vd.Ts[i] Vn.Ts[j4]"},
	// UMOV <Wd>, <Vn>.<Ts>[<index>]  (MOV for S and D elements)
	UMOVB: {Name: "umov", Fixed: 0x0e003c00, Args: "Wd Vn.B[i]"},
	UMOVH: {Name: "umov", Fixed: 0x0e003c00, Args: "Wd Vn.H[i]"},
	UMOVS: {Name: "mov", Fixed: 0x0e003c00, Args: "Wd Vn.S[i]"},
	UMOVD: {Name: "mov", Fixed: 0x4e003c00, Args: "Xd Vn.D[i]"},
	// SMOV <Wd>, <Vn>.<Ts>[<index>]  ;  SMOV <Xd>, <Vn>.<Ts>[<index>]
	SMOVWB: {Name: "smov", Fixed: 0x0e002c00, Args: "Wd Vn.B[i]"},
	SMOVWH: {Name: "smov", Fixed: 0x0e002c00, Args: "Wd Vn.H[i]"},
	SMOVXB: {Name: "smov", Fixed: 0x4e002c00, Args: "Xd Vn.B[i]"},
	SMOVXH: {Name: "smov", Fixed: 0x4e002c00, Args: "Xd Vn.H[i]"},
	SMOVXS: {Name: "smov", Fixed: 0x4e002c00, Args: "Xd Vn.S[i]"},
	// EXT <Vd>.<T>, <Vn>.<T>, <Vm>.<T>, #<index>
	EXT: {Name: "ext", Fixed: 0x2e000000, Args: "Tq=B Vd.T Vn.T Vm.T #extidx"},
	// TBL <Vd>.<Ta>, { <Vn>.16B, ... }, <Vm>.<Ta>
	TBL1: {Name: "tbl", Fixed: 0x0e000000, Args: "Tq=B Vd.T {Vn.16B}*1 Vm.T"},
	TBL2: {Name: "tbl", Fixed: 0x0e002000, Args: "Tq=B Vd.T {Vn.16B}*2 Vm.T"},
	TBL3: {Name: "tbl", Fixed: 0x0e004000, Args: "Tq=B Vd.T {Vn.16B}*3 Vm.T"},
	TBL4: {Name: "tbl", Fixed: 0x0e006000, Args: "Tq=B Vd.T {Vn.16B}*4 Vm.T"},
	TBX1: {Name: "tbx", Fixed: 0x0e001000, Args: "Tq=B Vd.T {Vn.16B}*1 Vm.T"},
	TBX2: {Name: "tbx", Fixed: 0x0e003000, Args: "Tq=B Vd.T {Vn.16B}*2 Vm.T"},
	TBX3: {Name: "tbx", Fixed: 0x0e005000, Args: "Tq=B Vd.T {Vn.16B}*3 Vm.T"},
	TBX4: {Name: "tbx", Fixed: 0x0e007000, Args: "Tq=B Vd.T {Vn.16B}*4 Vm.T"},
	// ZIP1 <Vd>.<T>, <Vn>.<T>, <Vm>.<T>
	UZP1: {Name: "uzp1", Fixed: 0x0e001800, Args: "T=BHSD Vd.T Vn.T Vm.T"},
	TRN1: {Name: "trn1", Fixed: 0x0e002800, Args: "T=BHSD Vd.T Vn.T Vm.T"},
	ZIP1: {Name: "zip1", Fixed: 0x0e003800, Args: "T=BHSD Vd.T Vn.T Vm.T"},
	UZP2: {Name: "uzp2", Fixed: 0x0e005800, Args: "T=BHSD Vd.T Vn.T Vm.T"},
	TRN2: {Name: "trn2", Fixed: 0x0e006800, Args: "T=BHSD Vd.T Vn.T Vm.T"},
	ZIP2: {Name: "zip2", Fixed: 0x0e007800, Args: "T=BHSD Vd.T Vn.T Vm.T"},

	// ---- Advanced SIMD modified immediate ----
	// MOVI <Vd>.<T>, #<imm8>{, LSL #0}       (T: 8B, 16B)
	MOVI8: {Name: "movi", Fixed: 0x0f00e400, Args: "Tq=B Vd.T #imm8v"},
	// MOVI <Vd>.<T>, #<imm8>{, LSL #<amount>}  (T: 4H, 8H; amount 0 or 8)
	MOVI16: {Name: "movi", Fixed: 0x0f008400, Args: "Tq=4H,8H Vd.T #imm8v {lsl#8v16}"},
	// MOVI <Vd>.<T>, #<imm8>{, LSL #<amount>}  (T: 2S, 4S; amount 0, 8, 16, 24)
	MOVI32: {Name: "movi", Fixed: 0x0f000400, Args: "Tq=2S,4S Vd.T #imm8v {lsl#8v32}"},
	// MOVI <Vd>.<T>, #<imm8>, MSL #<amount>    (T: 2S, 4S; amount 8 or 16)
	MOVI32msl: {Name: "movi", Fixed: 0x0f00c400, Args: "Tq=2S,4S Vd.T #imm8v msl"},
	// MOVI <Vd>.2D, #<imm>                      (each byte 0x00 or 0xff)
	MOVI2D: {Name: "movi", Fixed: 0x6f00e400, Args: "Vd.2D #imm64v"},
	// MVNI <Vd>.<T>, #<imm8>{, LSL #<amount>}
	MVNI16:    {Name: "mvni", Fixed: 0x2f008400, Args: "Tq=4H,8H Vd.T #imm8v {lsl#8v16}"},
	MVNI32:    {Name: "mvni", Fixed: 0x2f000400, Args: "Tq=2S,4S Vd.T #imm8v {lsl#8v32}"},
	MVNI32msl: {Name: "mvni", Fixed: 0x2f00c400, Args: "Tq=2S,4S Vd.T #imm8v msl"},
	// ORR <Vd>.<T>, #<imm8>{, LSL #<amount>}  ;  BIC likewise   (Vd is read and written)
	VORR16i: {Name: "orr", Fixed: 0x0f009400, Args: "Tq=4H,8H Vd.T #imm8v {lsl#8v16}"},
	VORR32i: {Name: "orr", Fixed: 0x0f001400, Args: "Tq=2S,4S Vd.T #imm8v {lsl#8v32}"},
	VBIC16i: {Name: "bic", Fixed: 0x2f009400, Args: "Tq=4H,8H Vd.T #imm8v {lsl#8v16}"},
	VBIC32i: {Name: "bic", Fixed: 0x2f001400, Args: "Tq=2S,4S Vd.T #imm8v {lsl#8v32}"},
	// FMOV <Vd>.<T>, #<imm>  (T: 2S, 4S)  ;  FMOV <Vd>.2D, #<imm>
	VFMOV:   {Name: "fmov", Fixed: 0x0f00f400, Args: "Tq=2S,4S Vd.T #fimmv"},
	VFMOV2D: {Name: "fmov", Fixed: 0x6f00f400, Args: "Vd.2D #fimmv"},

	// ---- Advanced SIMD load/store single structure ----
	// LD1 { <Vt>.B }[<index>], [<Xn|SP>]
	LD1B: {Name: "ld1", Fixed: 0x0d400000, Args: "{Vt.B}[i] [Xn|SP]"},
	LD1H: {Name: "ld1", Fixed: 0x0d404000, Args: "{Vt.H}[i] [Xn|SP]"},
	LD1S: {Name: "ld1", Fixed: 0x0d408000, Args: "{Vt.S}[i] [Xn|SP]"},
	LD1D: {Name: "ld1", Fixed: 0x0d408000, Args: "{Vt.D}[i] [Xn|SP]"},
	// ST1 { <Vt>.B }[<index>], [<Xn|SP>]
	ST1B: {Name: "st1", Fixed: 0x0d000000, Args: "{Vt.B}[i] [Xn|SP]"},
	ST1H: {Name: "st1", Fixed: 0x0d004000, Args: "{Vt.H}[i] [Xn|SP]"},
	ST1S: {Name: "st1", Fixed: 0x0d008000, Args: "{Vt.S}[i] [Xn|SP]"},
	ST1D: {Name: "st1", Fixed: 0x0d008000, Args: "{Vt.D}[i] [Xn|SP]"},
	// LD1 { <Vt>.<T>, ... }, [<Xn|SP>]      (multiple structures, 1-4 consecutive registers)
	LD1x1: {Name: "ld1", Fixed: 0x0c407000, Args: "T10=8B,16B,4H,8H,2S,4S,1D,2D {Vt.T}*1 [Xn|SP]"},
	LD1x2: {Name: "ld1", Fixed: 0x0c40a000, Args: "T10=8B,16B,4H,8H,2S,4S,1D,2D {Vt.T}*2 [Xn|SP]"},
	LD1x3: {Name: "ld1", Fixed: 0x0c406000, Args: "T10=8B,16B,4H,8H,2S,4S,1D,2D {Vt.T}*3 [Xn|SP]"},
	LD1x4: {Name: "ld1", Fixed: 0x0c402000, Args: "T10=8B,16B,4H,8H,2S,4S,1D,2D {Vt.T}*4 [Xn|SP]"},
	ST1x1: {Name: "st1", Fixed: 0x0c007000, Args: "T10=8B,16B,4H,8H,2S,4S,1D,2D {Vt.T}*1 [Xn|SP]"},
	ST1x2: {Name: "st1", Fixed: 0x0c00a000, Args: "T10=8B,16B,4H,8H,2S,4S,1D,2D {Vt.T}*2 [Xn|SP]"},
	ST1x3: {Name: "st1", Fixed: 0x0c006000, Args: "T10=8B,16B,4H,8H,2S,4S,1D,2D {Vt.T}*3 [Xn|SP]"},
	ST1x4: {Name: "st1", Fixed: 0x0c002000, Args: "T10=8B,16B,4H,8H,2S,4S,1D,2D {Vt.T}*4 [Xn|SP]"},
	// LD1R { <Vt>.<T> }, [<Xn|SP>]
	LD1R: {Name: "ld1r", Fixed: 0x0d40c000, Args: "T10=8B,16B,4H,8H,2S,4S,1D,2D {Vt.T} [Xn|SP]"},
}

//! Reads one XML part of an .xlsx file (a zip of deflated parts) without a zip crate: enough to
//! check what calamine does not expose, like data validations. Test code: panics on bad input.

/// The text of the part `name` (e.g. `xl/worksheets/sheet2.xml`), if the archive has it.
pub fn part(xlsx: &[u8], name: &str) -> Option<String> {
    let u16_at = |at: usize| usize::from(u16::from_le_bytes([xlsx[at], xlsx[at + 1]]));
    let u32_at = |at: usize| {
        u32::from_le_bytes([xlsx[at], xlsx[at + 1], xlsx[at + 2], xlsx[at + 3]]) as usize
    };
    // End of central directory record, searched from the end.
    let end = (0..=xlsx.len() - 22)
        .rev()
        .find(|&at| xlsx[at..at + 4] == [0x50, 0x4b, 0x05, 0x06])
        .expect("zip end record");
    let entries = u16_at(end + 10);
    let mut at = u32_at(end + 16);
    for _ in 0..entries {
        assert_eq!(xlsx[at..at + 4], [0x50, 0x4b, 0x01, 0x02], "central header");
        let method = u16_at(at + 10);
        let compressed = u32_at(at + 20);
        let (name_len, extra_len, comment_len) =
            (u16_at(at + 28), u16_at(at + 30), u16_at(at + 32));
        let local = u32_at(at + 42);
        let entry_name = std::str::from_utf8(&xlsx[at + 46..at + 46 + name_len]).expect("utf-8");
        if entry_name == name {
            let data_start = local + 30 + u16_at(local + 26) + u16_at(local + 28);
            let data = &xlsx[data_start..data_start + compressed];
            let bytes = match method {
                0 => data.to_vec(),
                8 => inflate(data),
                other => panic!("zip method {other}"),
            };
            return Some(String::from_utf8(bytes).expect("utf-8 XML"));
        }
        at += 46 + name_len + extra_len + comment_len;
    }
    None
}

struct Bits<'a> {
    data: &'a [u8],
    position: usize,
    buffer: u32,
    count: u32,
}

impl Bits<'_> {
    fn take(&mut self, wanted: u32) -> u32 {
        while self.count < wanted {
            self.buffer |= u32::from(self.data[self.position]) << self.count;
            self.position += 1;
            self.count += 8;
        }
        let value = self.buffer & ((1u32 << wanted) - 1);
        self.buffer = self.buffer.checked_shr(wanted).unwrap_or(0);
        self.count -= wanted;
        value
    }
}

/// Canonical Huffman code: how many codes of each length, and the symbols in code order.
struct Huffman {
    counts: [u16; 16],
    symbols: Vec<u16>,
}

impl Huffman {
    fn new(lengths: &[u8]) -> Huffman {
        let mut counts = [0u16; 16];
        for &length in lengths {
            counts[usize::from(length)] += 1;
        }
        counts[0] = 0;
        let mut offsets = [0u16; 16];
        for length in 1..15 {
            offsets[length + 1] = offsets[length] + counts[length];
        }
        let mut symbols = vec![0u16; lengths.len()];
        for (symbol, &length) in lengths.iter().enumerate() {
            if length != 0 {
                symbols[usize::from(offsets[usize::from(length)])] = symbol as u16;
                offsets[usize::from(length)] += 1;
            }
        }
        Huffman { counts, symbols }
    }

    fn decode(&self, bits: &mut Bits) -> usize {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for length in 1..16 {
            code |= bits.take(1) as i32;
            let count = i32::from(self.counts[length]);
            if code - first < count {
                return usize::from(self.symbols[(index + code - first) as usize]);
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        panic!("bad Huffman code");
    }
}

const LENGTH_BASE: [usize; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LENGTH_EXTRA: [u32; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DISTANCE_BASE: [usize; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DISTANCE_EXTRA: [u32; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];

/// Raw DEFLATE (RFC 1951) decoder, after Mark Adler's `puff`.
fn inflate(data: &[u8]) -> Vec<u8> {
    let mut bits = Bits {
        data,
        position: 0,
        buffer: 0,
        count: 0,
    };
    let mut out = Vec::new();
    loop {
        let last = bits.take(1) == 1;
        match bits.take(2) {
            0 => {
                bits.buffer = 0;
                bits.count = 0;
                let at = bits.position;
                let length = usize::from(u16::from_le_bytes([data[at], data[at + 1]]));
                out.extend_from_slice(&data[at + 4..at + 4 + length]);
                bits.position = at + 4 + length;
            }
            1 => {
                let mut lengths = [0u8; 288];
                lengths[..144].fill(8);
                lengths[144..256].fill(9);
                lengths[256..280].fill(7);
                lengths[280..].fill(8);
                let literal = Huffman::new(&lengths);
                let distance = Huffman::new(&[5u8; 30]);
                codes(&mut bits, &mut out, &literal, &distance);
            }
            2 => {
                let (literal, distance) = dynamic_tables(&mut bits);
                codes(&mut bits, &mut out, &literal, &distance);
            }
            _ => panic!("bad block type"),
        }
        if last {
            return out;
        }
    }
}

fn dynamic_tables(bits: &mut Bits) -> (Huffman, Huffman) {
    const ORDER: [usize; 19] = [
        16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
    ];
    let literals = bits.take(5) as usize + 257;
    let distances = bits.take(5) as usize + 1;
    let code_lengths = bits.take(4) as usize + 4;
    let mut lengths = [0u8; 19];
    for &index in ORDER.iter().take(code_lengths) {
        lengths[index] = bits.take(3) as u8;
    }
    let code_length_code = Huffman::new(&lengths);
    let mut all = Vec::with_capacity(literals + distances);
    while all.len() < literals + distances {
        let symbol = code_length_code.decode(bits);
        let (value, repeat) = match symbol {
            0..=15 => (symbol as u8, 1),
            16 => (
                *all.last().expect("a previous length"),
                3 + bits.take(2) as usize,
            ),
            17 => (0, 3 + bits.take(3) as usize),
            _ => (0, 11 + bits.take(7) as usize),
        };
        all.extend(std::iter::repeat_n(value, repeat));
    }
    (
        Huffman::new(&all[..literals]),
        Huffman::new(&all[literals..]),
    )
}

fn codes(bits: &mut Bits, out: &mut Vec<u8>, literal: &Huffman, distance: &Huffman) {
    loop {
        let symbol = literal.decode(bits);
        match symbol {
            0..=255 => out.push(symbol as u8),
            256 => return,
            _ => {
                let index = symbol - 257;
                let length = LENGTH_BASE[index] + bits.take(LENGTH_EXTRA[index]) as usize;
                let code = distance.decode(bits);
                let back = DISTANCE_BASE[code] + bits.take(DISTANCE_EXTRA[code]) as usize;
                let start = out.len() - back;
                for offset in 0..length {
                    out.push(out[start + offset]);
                }
            }
        }
    }
}

/// The sheet names of a workbook, in order (from `xl/workbook.xml`).
pub fn sheet_names(xlsx: &[u8]) -> Vec<String> {
    let workbook = part(xlsx, "xl/workbook.xml").expect("workbook part");
    workbook
        .split("<sheet name=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or_default().to_string())
        .collect()
}

/// Asserts how every sheet of a workbook prints: A4 landscape, one page wide, the sheet's name
/// and page number in the footer, and `repeated` (the rows repeated at the top, as
/// `'Sheet'!$5:$5`) for each sheet.
pub fn assert_print_setup(xlsx: &[u8], repeated: &[(&str, &str)]) {
    let workbook = part(xlsx, "xl/workbook.xml").expect("workbook part");
    let names = sheet_names(xlsx);
    assert_eq!(
        names,
        repeated
            .iter()
            .map(|(n, _)| n.to_string())
            .collect::<Vec<_>>()
    );
    for (index, (name, rows)) in repeated.iter().enumerate() {
        let xml = part(xlsx, &format!("xl/worksheets/sheet{}.xml", index + 1)).expect("sheet");
        assert!(
            xml.contains("<pageSetUpPr fitToPage=\"1\"/>"),
            "{name}: fit to page"
        );
        let setup = xml
            .split("<pageSetup ")
            .nth(1)
            .and_then(|rest| rest.split("/>").next())
            .unwrap_or_else(|| panic!("{name}: no page setup"));
        assert!(
            setup.contains("orientation=\"landscape\""),
            "{name}: {setup}"
        );
        assert!(setup.contains("paperSize=\"9\""), "{name}: A4, {setup}");
        // One page wide (fitToWidth 1 is the default, left out), as many pages down as needed.
        assert!(!setup.contains("fitToWidth"), "{name}: {setup}");
        assert!(setup.contains("fitToHeight=\"0\""), "{name}: {setup}");
        assert!(
            xml.contains("<oddFooter>&amp;L&amp;A&amp;RPage &amp;P / &amp;N</oddFooter>"),
            "{name}: footer"
        );
        let titles = format!(
            "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{index}\">{rows}</definedName>"
        );
        assert!(workbook.contains(&titles), "{name}: {titles} in {workbook}");
    }
}

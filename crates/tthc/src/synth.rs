//! A deterministic synthetic national-scale catalogue, for benchmarks.
//!
//! The shape follows the pre-2025 country: provinces → districts → communes, every commune
//! posting most of its applicable procedures on two channels, with some missing, some outdated
//! (posted before the procedure's last amendment) and a few that do not apply. Names are built
//! from real Vietnamese place syllables and real procedure wording, but the data is invented:
//! it is for measuring speed, never for figures about real units.

use std::fmt::Write as _;

/// Size and seed of a synthetic catalogue.
#[derive(Debug, Clone, Copy)]
pub struct SynthOptions {
    /// Communes (default 10,000).
    pub communes: u32,
    /// Districts (default 700).
    pub districts: u32,
    /// Provinces (default 63).
    pub provinces: u32,
    /// Procedures (default 600).
    pub procedures: u32,
    /// Seed of the generator.
    pub seed: u64,
    /// Add publishing decisions covering every commune: one complete list per province (from
    /// 2024-01-01) and ten nationwide amending decisions (2024-02-01 … 2024-11-01), so that
    /// every commune's list comes from decisions (default false).
    pub decisions: bool,
}

impl SynthOptions {
    /// Most provinces with a two-digit GSO code.
    pub const MAX_PROVINCES: u32 = 99;
    /// Most districts with a three-digit GSO code.
    pub const MAX_DISTRICTS: u32 = 899;
    /// Most communes with a five-digit GSO code.
    pub const MAX_COMMUNES: u32 = 89_999;
    /// Most procedures with a code `1.dddddd`.
    pub const MAX_PROCEDURES: u32 = 999_000;

    /// Whether every unit and procedure gets a valid code: each size at most its `MAX_*`;
    /// otherwise the argument error `bad_value` at the size's name.
    ///
    /// ```
    /// use tthc::synth::SynthOptions;
    /// assert!(SynthOptions::default().check().is_ok());
    /// let too_many = SynthOptions { communes: 90_000, ..SynthOptions::default() };
    /// assert_eq!(too_many.check().unwrap_err().path(), "communes");
    /// ```
    pub fn check(&self) -> Result<(), crate::Error> {
        for (name, value, max) in [
            ("provinces", self.provinces, Self::MAX_PROVINCES),
            ("districts", self.districts, Self::MAX_DISTRICTS),
            ("communes", self.communes, Self::MAX_COMMUNES),
            ("procedures", self.procedures, Self::MAX_PROCEDURES),
        ] {
            if value > max {
                return Err(crate::Error::Argument(crate::Problem::new(
                    crate::Code::BadValue,
                    name,
                    format!("at most {max} {name} get valid codes; {value} asked"),
                )));
            }
        }
        Ok(())
    }
}

impl Default for SynthOptions {
    fn default() -> Self {
        SynthOptions {
            communes: 10_000,
            districts: 700,
            provinces: 63,
            procedures: 600,
            seed: 1,
            decisions: false,
        }
    }
}

/// SplitMix64: small, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const SYLLABLES: &[&str] = &[
    "An", "Bình", "Hòa", "Phú", "Tân", "Long", "Thạnh", "Đông", "Tây", "Nam", "Bắc", "Hưng",
    "Thuận", "Mỹ", "Vĩnh", "Phước", "Lộc", "Hải", "Sơn", "Đức", "Quang", "Trung", "Xuân", "Thái",
    "Yên", "Thành", "Lợi", "Khánh", "Hiệp", "Định", "Điền", "Giang", "Hậu", "Lạc", "Ninh", "Quảng",
    "Thịnh",
];
const FIELDS: &[&str] = &[
    "Hộ tịch",
    "Chứng thực",
    "Đất đai",
    "Xây dựng",
    "Giáo dục và Đào tạo",
    "Y tế",
    "Bảo trợ xã hội",
    "Người có công",
    "Nuôi con nuôi",
    "Thi đua - Khen thưởng",
    "Tôn giáo",
    "Tín ngưỡng",
    "Văn hóa",
    "Thể dục thể thao",
    "Gia đình",
    "Nông nghiệp",
    "Thủy sản",
    "Lâm nghiệp",
    "Thủy lợi",
    "Môi trường",
    "Tài nguyên nước",
    "Giao thông đường bộ",
    "Đường thủy nội địa",
    "Thương mại",
    "Đăng ký kinh doanh",
    "Kinh tế hợp tác",
    "Lao động",
    "Việc làm",
    "Phòng, chống tệ nạn xã hội",
    "Trẻ em",
    "Dân tộc",
    "Khiếu nại",
    "Tố cáo",
    "Tiếp công dân",
    "Hòa giải ở cơ sở",
    "Phổ biến giáo dục pháp luật",
    "Nội vụ",
    "Quản lý công sản",
    "Phòng cháy chữa cháy",
    "Quốc tịch",
];
const ACTIONS: &[&str] = &[
    "Đăng ký",
    "Cấp",
    "Cấp lại",
    "Cấp đổi",
    "Gia hạn",
    "Điều chỉnh",
    "Thẩm định",
    "Xác nhận",
    "Công nhận",
    "Thu hồi",
    "Chấm dứt",
    "Giải quyết",
    "Hỗ trợ",
    "Thông báo",
];
const OBJECTS: &[&str] = &[
    "khai sinh",
    "kết hôn",
    "khai tử",
    "giấy phép xây dựng",
    "quyền sử dụng đất",
    "hộ kinh doanh",
    "chế độ trợ cấp xã hội",
    "giấy chứng nhận",
    "hồ sơ hưởng chính sách",
    "hoạt động tín ngưỡng",
    "tổ hợp tác",
    "cơ sở giáo dục mầm non",
    "danh hiệu gia đình văn hóa",
    "hòa giải viên",
    "thay đổi, cải chính hộ tịch",
    "giám hộ",
    "nhận cha, mẹ, con",
    "bản sao từ sổ gốc",
    "chữ ký trong các giấy tờ",
    "hợp đồng, giao dịch",
];
const QUALIFIERS: &[&str] = &[
    "",
    " có yếu tố nước ngoài",
    " lưu động",
    " cho người khuyết tật",
    " tại Ủy ban nhân dân cấp xã",
    " trong trường hợp bị mất",
    " đối với cá nhân",
    " đối với tổ chức",
    " (thực hiện tại cấp xã)",
];

/// Write the synthetic catalogue as JSON v1 text.
pub fn synth_json(o: &SynthOptions) -> String {
    let mut r = Rng(o.seed);
    let provinces = o.provinces.max(1);
    let districts = o.districts.max(provinces);
    let communes = o.communes.max(districts);
    let n = o.procedures.max(1);
    let mut s = String::with_capacity(communes as usize * n as usize * 24 + (1 << 20));
    let _ = write!(
        s,
        "{{\"tthc\":1,\"title\":\"Synthetic national catalogue ({communes} communes, {n} procedures, seed {})\",\"as_of\":\"2024-12-31\",\"source\":\"tthc synth: invented data for benchmarks, not real figures\",\"fields\":[",
        o.seed
    );
    for (i, f) in FIELDS.iter().enumerate() {
        let _ = write!(
            s,
            "{}{{\"code\":\"f{i:02}\",\"name\":\"{f}\"}}",
            if i > 0 { "," } else { "" }
        );
    }
    s.push_str("],\"procedures\":[");
    // Procedure p: code 1.00xxxx; every procedure applies to communes, some also to districts
    // or provinces; every 50th amended in 2024, every 97th abolished in 2023.
    let mut amended = vec![false; n as usize];
    // Bit 0: province, bit 1: district, bit 2: commune.
    let mut level_bits = vec![4u8; n as usize];
    for p in 0..n {
        let (levels, bits) = match r.below(10) {
            0 => ("\"province\",\"commune\"", 5),
            1 | 2 => ("\"district\",\"commune\"", 6),
            _ => ("\"commune\"", 4),
        };
        level_bits[p as usize] = bits;
        let name = format!(
            "{} {}{}",
            r.pick(ACTIONS),
            r.pick(OBJECTS),
            r.pick(QUALIFIERS)
        );
        let _ = write!(
            s,
            "{}{{\"code\":\"{}\",\"name\":\"{name}\",\"field\":\"f{:02}\",\"levels\":[{levels}]",
            if p > 0 { "," } else { "" },
            code(p),
            r.below(FIELDS.len() as u64)
        );
        if p % 50 == 7 {
            amended[p as usize] = true;
            s.push_str(",\"amended\":\"2024-06-01\"");
        }
        if p % 97 == 13 {
            s.push_str(",\"abolished\":\"2023-01-01\"");
        }
        s.push('}');
    }
    s.push_str("],\"units\":[");
    let mut first = true;
    let mut unit = |s: &mut String,
                    r: &mut Rng,
                    unit_code: String,
                    level: &str,
                    prefix: &str,
                    parent: Option<String>| {
        let bit = match level {
            "province" => 1,
            "district" => 2,
            _ => 4,
        };
        let name = format!("{prefix} {} {}", r.pick(SYLLABLES), r.pick(SYLLABLES));
        let _ = write!(
            s,
            "{}{{\"code\":\"{unit_code}\",\"name\":\"{name}\",\"level\":\"{level}\"",
            if first { "" } else { "," }
        );
        first = false;
        if let Some(p) = parent {
            let _ = write!(s, ",\"parent\":\"{p}\"");
        }
        s.push_str(",\"published\":{");
        for (k, channel) in ["one_stop_shop", "portal"].iter().enumerate() {
            let _ = write!(s, "{}\"{channel}\":[", if k > 0 { "," } else { "" });
            let mut any = false;
            for p in 0..n {
                let roll = r.below(1000);
                if roll < 30 + 40 * k as u64 {
                    continue; // missing: 3 % at the desk, 7 % on the portal
                }
                if level_bits[p as usize] & bit == 0 && roll > 5 {
                    continue; // not this unit's level: posted by mistake 0.5 % of the time
                }
                if any {
                    s.push(',');
                }
                any = true;
                if amended[p as usize] && roll < 200 {
                    let _ = write!(s, "{{\"procedure\":\"{}\",\"on\":\"2023-03-01\"}}", code(p));
                } else {
                    let _ = write!(s, "\"{}\"", code(p));
                }
            }
            s.push(']');
        }
        s.push_str("}}");
    };
    for pv in 0..provinces {
        unit(
            &mut s,
            &mut r,
            format!("{:02}", pv + 1),
            "province",
            "Tỉnh",
            None,
        );
    }
    for d in 0..districts {
        let parent = format!("{:02}", d % provinces + 1);
        unit(
            &mut s,
            &mut r,
            format!("{:03}", d + 100),
            "district",
            "Huyện",
            Some(parent),
        );
    }
    for c in 0..communes {
        let parent = format!("{:03}", c % districts + 100);
        unit(
            &mut s,
            &mut r,
            format!("{:05}", c + 10_000),
            "commune",
            "Xã",
            Some(parent),
        );
    }
    s.push(']');
    if o.decisions {
        decisions(&mut s, &mut r, provinces, n);
    }
    s.push('}');
    s
}

/// `,"decisions":[…]`: per province, the complete list of its communes (about nine procedures
/// in ten, drawn at random); then ten nationwide decisions for communes, each amending five
/// procedures, abolishing one, issuing one and replacing one.
fn decisions(s: &mut String, r: &mut Rng, provinces: u32, n: u32) {
    s.push_str(",\"decisions\":[");
    for pv in 0..provinces {
        let _ = write!(
            s,
            "{}{{\"id\":\"{}/2024/QĐ-UBND\",\"title\":\"Danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của UBND cấp xã\",\"effective\":\"2024-01-01\",\"scope\":{{\"level\":\"commune\",\"within\":\"{:02}\"}},\"complete\":true,\"items\":[",
            if pv > 0 { "," } else { "" },
            pv + 1,
            pv + 1
        );
        let mut first = true;
        for p in 0..n {
            if r.below(10) == 0 {
                continue;
            }
            let _ = write!(
                s,
                "{}{{\"procedure\":\"{}\",\"action\":\"listed\"}}",
                if first { "" } else { "," },
                code(p)
            );
            first = false;
        }
        s.push_str("]}");
    }
    for k in 0..10u32 {
        let _ = write!(
            s,
            ",{{\"id\":\"{}/2024/QĐ-BTP\",\"effective\":\"2024-{:02}-01\",\"scope\":{{\"level\":\"commune\"}},\"items\":[",
            100 + k,
            k + 2
        );
        // Six distinct procedures per decision; a different slice each time.
        let base = (k * 7) % n.max(1);
        let pick = |i: u32| code((base + i * 13) % n);
        let mut items: Vec<String> = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        for i in 0..5 {
            let c = pick(i);
            if !seen.contains(&c) {
                items.push(format!("{{\"procedure\":\"{c}\",\"action\":\"amended\"}}"));
                seen.push(c);
            }
        }
        for (i, action) in [(5, "abolished"), (6, "new")] {
            let c = pick(i);
            if !seen.contains(&c) {
                items.push(format!("{{\"procedure\":\"{c}\",\"action\":\"{action}\"}}"));
                seen.push(c);
            }
        }
        let (old, by) = (pick(7), pick(8));
        if old != by && !seen.contains(&old) && !seen.contains(&by) {
            items.push(format!(
                "{{\"procedure\":\"{old}\",\"action\":\"replaced\",\"by\":\"{by}\"}}"
            ));
        }
        s.push_str(&items.join(","));
        s.push_str("]}");
    }
    s.push(']');
}

fn code(p: u32) -> String {
    format!("1.{:06}", 1000 + p)
}

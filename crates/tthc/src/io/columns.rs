//! The columns of the flat publication table, with the header names (English, Vietnamese, the
//! portal's crawl names) that select each: what export writes and the importers read.

#[cfg(feature = "import")]
use crate::text::{fold, nfc};

/// A column the importers know, with the header names that select it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Col {
    /// The English (snake_case) name, also what export writes.
    pub(crate) key: &'static str,
    /// Other accepted names (Vietnamese, the portal's crawl names).
    #[cfg_attr(not(feature = "import"), allow(dead_code))]
    pub(crate) aliases: &'static [&'static str],
}

#[cfg(feature = "import")]
impl Col {
    /// Every accepted name, folded.
    pub(crate) fn folded(&self) -> Vec<String> {
        std::iter::once(self.key)
            .chain(self.aliases.iter().copied())
            .map(|n| fold(&nfc(n)))
            .collect()
    }

    /// The names people read in messages: `` `Mã số` / `ma_thu_tuc` / `code` ``.
    pub(crate) fn describe(&self) -> String {
        let mut names: Vec<&str> = self.aliases.to_vec();
        names.push(self.key);
        format!("`{}`", names.join("` / `"))
    }
}

macro_rules! columns {
    ($($name:ident = $key:literal [$($alias:literal),*];)*) => {
        $(pub(crate) const $name: Col = Col { key: $key, aliases: &[$($alias),*] };)*
        /// Every column of the table, in the order export writes them.
        pub(crate) const COLUMNS: &[Col] = &[$($name),*];
    };
}

columns! {
    UNIT_CODE = "unit_code" ["Mã đơn vị", "ma_don_vi", "Mã ĐVHC", "Mã đơn vị hành chính"];
    UNIT_NAME = "unit_name" ["Tên đơn vị", "ten_don_vi", "Đơn vị"];
    UNIT_LEVEL = "unit_level" ["Cấp", "cap", "Cấp đơn vị", "cap_don_vi"];
    PARENT_CODE = "parent_code" ["Mã đơn vị cấp trên", "ma_don_vi_cap_tren", "Mã cấp trên"];
    PROCEDURE_CODE = "procedure_code" ["Mã TTHC", "Mã số", "ma_thu_tuc", "Mã thủ tục", "ma_tthc"];
    PROCEDURE_NAME = "procedure_name" ["Tên TTHC", "Tên thủ tục", "ten_thu_tuc", "ten_tthc", "Tên"];
    FIELD_CODE = "field_code" ["Mã lĩnh vực", "ma_linh_vuc"];
    FIELD = "field" ["Lĩnh vực", "linh_vuc", "field_name"];
    LEVELS = "levels" ["Cấp thực hiện", "cap_thuc_hien"];
    DECISION = "decision" ["Số quyết định", "so_quyet_dinh", "Quyết định công bố"];
    EFFECTIVE = "effective" ["Ngày hiệu lực", "ngay_hieu_luc"];
    AMENDED = "amended" ["Ngày sửa đổi", "ngay_sua_doi"];
    ABOLISHED = "abolished" ["Ngày bãi bỏ", "ngay_bai_bo"];
    ONLINE = "online" ["Trực tuyến", "truc_tuyen", "Mức độ trực tuyến"];
    CHANNEL = "channel" ["Kênh", "kenh", "Kênh công khai", "Hình thức công khai"];
    POSTED = "posted" ["Đã công khai", "da_cong_khai", "Công khai", "Đã niêm yết"];
    POSTED_ON = "posted_on" ["Ngày công khai", "ngay_cong_khai", "Ngày niêm yết"];
}

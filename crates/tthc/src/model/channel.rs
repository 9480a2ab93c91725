//! Publication channels.

use super::vocab::{vocabulary, Vocabulary};
use crate::error::Code;

/// Where a unit publishes its procedures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Channel {
    /// Niêm yết tại Bộ phận Một cửa / Bộ phận Tiếp nhận và Trả kết quả (the default).
    #[default]
    OneStopShop,
    /// The provincial portal or the unit's website.
    Portal,
    /// Cổng Dịch vụ công quốc gia, the national portal.
    National,
}

impl Channel {
    /// All channels in the format's order.
    pub const ALL: [Channel; 3] = [Channel::OneStopShop, Channel::Portal, Channel::National];

    /// The format's name: `one_stop_shop`, `portal`, `national`.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::OneStopShop => "one_stop_shop",
            Channel::Portal => "portal",
            Channel::National => "national",
        }
    }

    /// Index into per-channel arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            Channel::OneStopShop => "niêm yết tại Bộ phận Một cửa",
            Channel::Portal => "trên cổng/trang thông tin điện tử",
            Channel::National => "trên Cổng Dịch vụ công quốc gia",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Channel::OneStopShop => "posted at the one-stop desk",
            Channel::Portal => "on the portal or website",
            Channel::National => "on the National Public Service Portal",
        }
    }
}

impl Vocabulary for Channel {
    const ALL: &'static [Self] = &Channel::ALL;
    const NOUN: &'static str = "channel";
    const CODE: Code = Code::UnknownChannel;
    fn word(self) -> &'static str {
        self.as_str()
    }
}
vocabulary!(Channel);

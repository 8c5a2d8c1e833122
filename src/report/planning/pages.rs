//! How much of a printed page the blocks of `Planning par accueil` and `Par animateur` fill, so
//! that a block taller than a page goes on under its title and headers repeated, rather than
//! spilling onto a page that says neither whose nor which week it is.

/// Points of height for rows on an A4 landscape page (595 points) between the top and bottom
/// margins of [`NARROW_MARGINS`](super::planning_accueil::NARROW_MARGINS) (0.6 inch each), less
/// a little room for what Excel and LibreOffice add around rows.
const PAGE_ROWS_POINTS: f64 = 595.0 - 2.0 * 0.6 * 72.0 - 20.0;

/// The rows of one page at a print scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct PageFill {
    /// Points of row height that fit a page at the sheet's scale.
    capacity: f64,
    /// Points used on the current page.
    used: f64,
}

impl PageFill {
    /// A fresh page of a sheet printed at `scale` percent.
    pub fn new(scale: u16) -> Self {
        PageFill {
            capacity: PAGE_ROWS_POINTS * 100.0 / f64::from(scale.max(1)),
            used: 0.0,
        }
    }

    /// Counts a row of `height` points on the current page.
    pub fn add(&mut self, height: f64) {
        self.used += height;
    }

    /// Whether a row of `height` points, with `then` more points that must stay with it, still
    /// fits on the current page.
    pub fn fits(&self, height: f64, then: f64) -> bool {
        self.used + height + then <= self.capacity
    }

    /// Starts a new page.
    pub fn new_page(&mut self) {
        self.used = 0.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_holds_what_its_scale_allows() {
        let mut page = PageFill::new(100);
        // 595 − 86.4 − 20 = 488.6 points at full size.
        assert!(page.fits(488.0, 0.0));
        assert!(!page.fits(489.0, 0.0));
        page.add(400.0);
        assert!(page.fits(80.0, 0.0) && !page.fits(80.0, 15.0));
        page.new_page();
        assert!(page.fits(480.0, 0.0));
        // At 50 %, twice as many points.
        assert!(PageFill::new(50).fits(970.0, 0.0));
    }
}

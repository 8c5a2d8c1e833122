//! The user guide (`docs/guide.md`): linked from the README and from the template's `Aide`
//! sheet, and every picture it shows is in `docs/images`.

mod support;

use std::path::Path;

use calamine::{Reader, open_workbook_auto};
use support::{TempDir, run_binary, stderr};

fn repository(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn the_guide_is_linked_and_its_pictures_exist() {
    let guide = std::fs::read_to_string(repository("docs/guide.md")).expect("docs/guide.md");
    let pictures: Vec<&str> = guide
        .split("](images/")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .collect();
    assert!(pictures.len() >= 10, "{pictures:?}");
    let mut total = 0;
    for picture in &pictures {
        let path = repository("docs/images").join(picture);
        let bytes = std::fs::read(&path).unwrap_or_else(|_| panic!("{}", path.display()));
        assert_eq!(&bytes[1..4], b"PNG", "{picture}");
        total += bytes.len();
    }
    assert!(total < 1_500_000, "{total} bytes of pictures");
    // Every command the guide tells a director to type is one the program knows.
    for command in ["modele", "besoins", "planning", "controle"] {
        assert!(
            guide.contains(&format!("acm-planner {command} ")),
            "{command}"
        );
        let help = run_binary([command, "--help"]);
        assert!(help.status.success(), "{command}: {}", stderr(&help));
    }
    let readme = std::fs::read_to_string(repository("README.md")).expect("README.md");
    assert!(readme.contains("(docs/guide.md)"));

    let dir = TempDir::new("guide", "aide");
    let template = dir.join("modele.xlsx");
    let run = run_binary(["modele".as_ref(), "-o".as_ref(), template.as_os_str()]);
    assert!(run.status.success(), "{}", stderr(&run));
    let mut workbook = open_workbook_auto(&template).expect("template");
    let aide = workbook.worksheet_range("Aide").expect("Aide");
    assert!(
        aide.cells()
            .any(|(_, _, cell)| cell.to_string().contains("docs/guide.md")),
        "the Aide sheet links the guide"
    );
}

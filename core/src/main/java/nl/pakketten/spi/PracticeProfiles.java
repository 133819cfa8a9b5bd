package nl.pakketten.spi;

import java.util.Optional;
import nl.pakketten.common.PracticeId;
import nl.pakketten.invoicing.PracticeProfile;

/** Port: each practice's profile, at most one per practice. */
public interface PracticeProfiles {
  /**
   * The practice's profile.
   *
   * @param practice the practice
   * @return its profile, empty if none was saved
   */
  Optional<PracticeProfile> find(PracticeId practice);

  /**
   * Inserts or replaces the practice's profile.
   *
   * @param profile the profile
   */
  void save(PracticeProfile profile);
}

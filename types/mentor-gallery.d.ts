/* The shapes of the data files the server writes for the browser scripts, and the names the
 * scripts share on `window`. Read by `tsc --checkJs` (jsconfig.json) only: never published.
 *
 * Each shape names the Python that writes it; tests/js/shapes.js holds the golden data files
 * (tests/golden/expected/) to these types, so a field renamed on one side fails the check.
 */

declare namespace MentorGalleryData {
  /** A taxonomy term, a program ({slug, label: its name}), a frequency. */
  interface Term {
    slug: string;
    label: string;
  }

  /** A way of meeting, with the phrase the reasons use ("by video"). */
  interface MeetingTerm extends Term {
    phrase: string;
  }

  /** A mentor as matching knows it: scoring.Candidate.to_json (public facts only). */
  interface MatchMentor {
    slug: string;
    name: string;
    title: string;
    organization: string;
    expertise: Term[];
    region: Term;
    frequency: string | null; // a frequency slug
    meeting: string[]; // meeting slugs
    programs: Term[];
    roles: Term[];
    available: boolean;
    /** What a result shows beside the score (match_cards.match_card); on a published site always. */
    card?: MatchCard;
  }

  /** A request control of a result: match_cards.control_json, as _request.html draws it. */
  interface MatchRequest {
    label: string;
    kind: string;
    url: string | null;
    fields: string[][];
    reason: string | null;
    destination: string | null;
    by_email: boolean;
    program: { name: string; url: string } | null;
  }

  /** match_cards.match_card: the card's header and the profile's request controls. */
  interface MatchCard {
    /** The profile's site-relative address (routes.profile) */
    url: string;
    /** The thumbnail's site-relative address, or null for initials */
    photo: string | null;
    initials: string;
    tone: number;
    availability: string;
    requests: MatchRequest[];
  }

  /** An applicant: scoring.Applicant.to_json (or the Find my mentor form). */
  interface Applicant {
    name?: string; // not scored: the team builder's applicant has none
    needs: Term[]; // first need first
    region: Term | null;
    remote: boolean | null;
    frequency: string | null;
    meeting: string[];
    program: Term | null;
  }

  /** The weights of the score: scoring.Weights.to_json, on the page's data-match-weights. */
  interface Weights {
    needs: number;
    region: number;
    frequency: number;
    meeting: number;
    program: number;
    remote_region: number;
  }

  /** What the scorer is given (match.js hydrate, with the page's weights). */
  interface MatchOptions {
    weights: Weights;
    maxAreas: number;
    needWeights: number[];
    frequency: Term[]; // in order, most often first
    meeting: MeetingTerm[];
    roles?: Term[];
  }

  /** mentors/match-data.json: scoring.match_data. */
  interface MatchData {
    max_areas: number;
    need_weights: number[];
    max_team_areas: number;
    expertise: Term[];
    regions: Term[];
    roles: Term[];
    programs: Term[];
    frequency: Term[];
    meeting: MeetingTerm[];
    mentors: MatchMentor[];
  }

  /** mentors/search-index.json: word_index.word_index_files. Each chunk: [its first word ("" for
   *  the first chunk), its file name beside the manifest]. (Pairs and triples are typed as
   *  arrays: the golden files are checked against these types, and JSON has no tuples.) */
  interface SearchManifest {
    count: number;
    chunks: string[][];
  }

  /** mentors/search-index-N.json: sorted words and, per word, the positions (in the gallery's
   *  default order) of the mentors who have it, encoded (word_index.encode_positions). */
  interface SearchChunk {
    words: string[];
    mentors: string[];
  }

  /** A position in a column's table per card, a list of them (a tuple of values), or null (a
   *  data- attribute the card lacks). */
  type TablePosition = number | number[] | null;

  /** A column of few distinct values: the values once, and per card its position(s) in them, or
   *  "same": the name of an earlier column with the same positions. */
  interface TabledColumn<T> {
    table: T[];
    index?: TablePosition[];
    same?: string;
  }

  /** A chip: [label, site-relative url] or [label, url, external address]. */
  type LinkCells = string[];

  /** mentors/gallery-cards.json (a roster above a thousand): gallery_data.cards_json, from the
   *  CardViews the server draws its cards from. A field no card has is left out. */
  interface Cards {
    count: number;
    /** [prefix, suffix] around a slug: routes.profile */
    profile: string[];
    columns: {
      /** 0 where the slug is the slugified name */
      slug: (string | number)[];
      name: string[] | TabledColumn<string>;
      region: string[] | TabledColumn<string>;
      initials: string[] | TabledColumn<string>;
      role_line?: (string | null)[] | TabledColumn<string | null>;
      place_detail?: (string | null)[] | TabledColumn<string | null>;
      summary?: (string | null)[] | TabledColumn<string | null>;
      photo_url?: (string | null)[] | TabledColumn<string | null>;
      /** "1" (open) or "0", then the status text */
      availability?: TabledColumn<string | null>;
      areas: TabledColumn<LinkCells>;
      roles?: TabledColumn<LinkCells>;
      tone: number[];
      /** One column per data- attribute, in the card's order: its words, per card. */
      data: { [attribute: string]: TabledColumn<string> };
    };
  }
}

/** What each script offers the others (and the tests) on window. */
interface MentorGallerySearch {
  fold(text: string): string;
  setExtraFolds(table: { [letter: string]: string } | null): void;
  queryWords(text: string): string[];
  wordIndex(url: string): any;
}

interface MentorGalleryCards {
  loadCards(url: string): Promise<any>;
  drawCard(table: any, i: number, root: string, model: Element): HTMLElement;
}

interface Window {
  mentorGallerySearch: MentorGallerySearch;
  mentorGalleryCards: MentorGalleryCards;
  mentorGallery: any;
  MentorMatch: any;
  /** Each script's set-up, run on every page by on-page.js: an array until that script has run. */
  mentorGalleryOnPage?: { push(setUp: () => void): unknown };
  /** Material for MkDocs' page-change stream (instant navigation); absent elsewhere. */
  document$?: { subscribe(callback: () => void): unknown };
}

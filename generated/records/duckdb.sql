-- pmf: the counting rules of the edition `2019-consultation` in DuckDB, generated from the spec by `pmf build`; do not edit.
-- Meaning of every rule: compiler/doc/records.md. Empty values must be NULL; times are DATE or TIMESTAMP.
-- Tables read (one row per record; columns: authority and the fields):
--   "contact" (authority, id, person, about, received, decided, source, outcome)
--   "assessment" (authority, id, person, about, referred, completed, outcome)
--   "plan" (authority, id, person, about, kind, started, ended, direct_payments)
--   "episode" (authority, id, person, started, ended, reason, legal_status, placement, end_reason)
--   "registration" (authority, id, person, registered, category, deregistered)
--   "strategy_discussion" (authority, id, person, held, section_47)
--   "section_47" (authority, id, person, started, completed, conference)
--   "conference" (authority, id, person, strategy, held)
--   "core_group" (authority, id, person, conference, held)
--   "adult_report" (authority, id, person, received, source, enquiry)
--   "adult_enquiry" (authority, id, person, report_received, completed)
--   "carer_offer" (authority, id, person, about, offered, response, refusal)
--   "dols_application" (authority, id, person, received, authorised)

-- The period counted, both days included: change these two dates to count another year.
CREATE OR REPLACE TEMPORARY TABLE pmf_period AS
SELECT DATE '2020-04-01' AS period_start,
  DATE '2021-03-31' AS period_end;

-- The working-day calendars: one row per day; working_day_number counts the working days from the calendar's first day up to and including the day (a day that is not a working day has the number of the working day before it).
CREATE OR REPLACE TEMPORARY TABLE pmf_calendar AS
SELECT * FROM (VALUES
  ('wales', DATE '2018-01-01', FALSE, 0),
  ('wales', DATE '2018-01-02', TRUE, 1),
  ('wales', DATE '2018-01-03', TRUE, 2),
  ('wales', DATE '2018-01-04', TRUE, 3),
  ('wales', DATE '2018-01-05', TRUE, 4),
  ('wales', DATE '2018-01-06', FALSE, 4),
  ('wales', DATE '2018-01-07', FALSE, 4),
  ('wales', DATE '2018-01-08', TRUE, 5),
  ('wales', DATE '2018-01-09', TRUE, 6),
  ('wales', DATE '2018-01-10', TRUE, 7),
  ('wales', DATE '2018-01-11', TRUE, 8),
  ('wales', DATE '2018-01-12', TRUE, 9),
  ('wales', DATE '2018-01-13', FALSE, 9),
  ('wales', DATE '2018-01-14', FALSE, 9),
  ('wales', DATE '2018-01-15', TRUE, 10),
  ('wales', DATE '2018-01-16', TRUE, 11),
  ('wales', DATE '2018-01-17', TRUE, 12),
  ('wales', DATE '2018-01-18', TRUE, 13),
  ('wales', DATE '2018-01-19', TRUE, 14),
  ('wales', DATE '2018-01-20', FALSE, 14),
  ('wales', DATE '2018-01-21', FALSE, 14),
  ('wales', DATE '2018-01-22', TRUE, 15),
  ('wales', DATE '2018-01-23', TRUE, 16),
  ('wales', DATE '2018-01-24', TRUE, 17),
  ('wales', DATE '2018-01-25', TRUE, 18),
  ('wales', DATE '2018-01-26', TRUE, 19),
  ('wales', DATE '2018-01-27', FALSE, 19),
  ('wales', DATE '2018-01-28', FALSE, 19),
  ('wales', DATE '2018-01-29', TRUE, 20),
  ('wales', DATE '2018-01-30', TRUE, 21),
  ('wales', DATE '2018-01-31', TRUE, 22),
  ('wales', DATE '2018-02-01', TRUE, 23),
  ('wales', DATE '2018-02-02', TRUE, 24),
  ('wales', DATE '2018-02-03', FALSE, 24),
  ('wales', DATE '2018-02-04', FALSE, 24),
  ('wales', DATE '2018-02-05', TRUE, 25),
  ('wales', DATE '2018-02-06', TRUE, 26),
  ('wales', DATE '2018-02-07', TRUE, 27),
  ('wales', DATE '2018-02-08', TRUE, 28),
  ('wales', DATE '2018-02-09', TRUE, 29),
  ('wales', DATE '2018-02-10', FALSE, 29),
  ('wales', DATE '2018-02-11', FALSE, 29),
  ('wales', DATE '2018-02-12', TRUE, 30),
  ('wales', DATE '2018-02-13', TRUE, 31),
  ('wales', DATE '2018-02-14', TRUE, 32),
  ('wales', DATE '2018-02-15', TRUE, 33),
  ('wales', DATE '2018-02-16', TRUE, 34),
  ('wales', DATE '2018-02-17', FALSE, 34),
  ('wales', DATE '2018-02-18', FALSE, 34),
  ('wales', DATE '2018-02-19', TRUE, 35),
  ('wales', DATE '2018-02-20', TRUE, 36),
  ('wales', DATE '2018-02-21', TRUE, 37),
  ('wales', DATE '2018-02-22', TRUE, 38),
  ('wales', DATE '2018-02-23', TRUE, 39),
  ('wales', DATE '2018-02-24', FALSE, 39),
  ('wales', DATE '2018-02-25', FALSE, 39),
  ('wales', DATE '2018-02-26', TRUE, 40),
  ('wales', DATE '2018-02-27', TRUE, 41),
  ('wales', DATE '2018-02-28', TRUE, 42),
  ('wales', DATE '2018-03-01', TRUE, 43),
  ('wales', DATE '2018-03-02', TRUE, 44),
  ('wales', DATE '2018-03-03', FALSE, 44),
  ('wales', DATE '2018-03-04', FALSE, 44),
  ('wales', DATE '2018-03-05', TRUE, 45),
  ('wales', DATE '2018-03-06', TRUE, 46),
  ('wales', DATE '2018-03-07', TRUE, 47),
  ('wales', DATE '2018-03-08', TRUE, 48),
  ('wales', DATE '2018-03-09', TRUE, 49),
  ('wales', DATE '2018-03-10', FALSE, 49),
  ('wales', DATE '2018-03-11', FALSE, 49),
  ('wales', DATE '2018-03-12', TRUE, 50),
  ('wales', DATE '2018-03-13', TRUE, 51),
  ('wales', DATE '2018-03-14', TRUE, 52),
  ('wales', DATE '2018-03-15', TRUE, 53),
  ('wales', DATE '2018-03-16', TRUE, 54),
  ('wales', DATE '2018-03-17', FALSE, 54),
  ('wales', DATE '2018-03-18', FALSE, 54),
  ('wales', DATE '2018-03-19', TRUE, 55),
  ('wales', DATE '2018-03-20', TRUE, 56),
  ('wales', DATE '2018-03-21', TRUE, 57),
  ('wales', DATE '2018-03-22', TRUE, 58),
  ('wales', DATE '2018-03-23', TRUE, 59),
  ('wales', DATE '2018-03-24', FALSE, 59),
  ('wales', DATE '2018-03-25', FALSE, 59),
  ('wales', DATE '2018-03-26', TRUE, 60),
  ('wales', DATE '2018-03-27', TRUE, 61),
  ('wales', DATE '2018-03-28', TRUE, 62),
  ('wales', DATE '2018-03-29', TRUE, 63),
  ('wales', DATE '2018-03-30', FALSE, 63),
  ('wales', DATE '2018-03-31', FALSE, 63),
  ('wales', DATE '2018-04-01', FALSE, 63),
  ('wales', DATE '2018-04-02', FALSE, 63),
  ('wales', DATE '2018-04-03', TRUE, 64),
  ('wales', DATE '2018-04-04', TRUE, 65),
  ('wales', DATE '2018-04-05', TRUE, 66),
  ('wales', DATE '2018-04-06', TRUE, 67),
  ('wales', DATE '2018-04-07', FALSE, 67),
  ('wales', DATE '2018-04-08', FALSE, 67),
  ('wales', DATE '2018-04-09', TRUE, 68),
  ('wales', DATE '2018-04-10', TRUE, 69),
  ('wales', DATE '2018-04-11', TRUE, 70),
  ('wales', DATE '2018-04-12', TRUE, 71),
  ('wales', DATE '2018-04-13', TRUE, 72),
  ('wales', DATE '2018-04-14', FALSE, 72),
  ('wales', DATE '2018-04-15', FALSE, 72),
  ('wales', DATE '2018-04-16', TRUE, 73),
  ('wales', DATE '2018-04-17', TRUE, 74),
  ('wales', DATE '2018-04-18', TRUE, 75),
  ('wales', DATE '2018-04-19', TRUE, 76),
  ('wales', DATE '2018-04-20', TRUE, 77),
  ('wales', DATE '2018-04-21', FALSE, 77),
  ('wales', DATE '2018-04-22', FALSE, 77),
  ('wales', DATE '2018-04-23', TRUE, 78),
  ('wales', DATE '2018-04-24', TRUE, 79),
  ('wales', DATE '2018-04-25', TRUE, 80),
  ('wales', DATE '2018-04-26', TRUE, 81),
  ('wales', DATE '2018-04-27', TRUE, 82),
  ('wales', DATE '2018-04-28', FALSE, 82),
  ('wales', DATE '2018-04-29', FALSE, 82),
  ('wales', DATE '2018-04-30', TRUE, 83),
  ('wales', DATE '2018-05-01', TRUE, 84),
  ('wales', DATE '2018-05-02', TRUE, 85),
  ('wales', DATE '2018-05-03', TRUE, 86),
  ('wales', DATE '2018-05-04', TRUE, 87),
  ('wales', DATE '2018-05-05', FALSE, 87),
  ('wales', DATE '2018-05-06', FALSE, 87),
  ('wales', DATE '2018-05-07', FALSE, 87),
  ('wales', DATE '2018-05-08', TRUE, 88),
  ('wales', DATE '2018-05-09', TRUE, 89),
  ('wales', DATE '2018-05-10', TRUE, 90),
  ('wales', DATE '2018-05-11', TRUE, 91),
  ('wales', DATE '2018-05-12', FALSE, 91),
  ('wales', DATE '2018-05-13', FALSE, 91),
  ('wales', DATE '2018-05-14', TRUE, 92),
  ('wales', DATE '2018-05-15', TRUE, 93),
  ('wales', DATE '2018-05-16', TRUE, 94),
  ('wales', DATE '2018-05-17', TRUE, 95),
  ('wales', DATE '2018-05-18', TRUE, 96),
  ('wales', DATE '2018-05-19', FALSE, 96),
  ('wales', DATE '2018-05-20', FALSE, 96),
  ('wales', DATE '2018-05-21', TRUE, 97),
  ('wales', DATE '2018-05-22', TRUE, 98),
  ('wales', DATE '2018-05-23', TRUE, 99),
  ('wales', DATE '2018-05-24', TRUE, 100),
  ('wales', DATE '2018-05-25', TRUE, 101),
  ('wales', DATE '2018-05-26', FALSE, 101),
  ('wales', DATE '2018-05-27', FALSE, 101),
  ('wales', DATE '2018-05-28', FALSE, 101),
  ('wales', DATE '2018-05-29', TRUE, 102),
  ('wales', DATE '2018-05-30', TRUE, 103),
  ('wales', DATE '2018-05-31', TRUE, 104),
  ('wales', DATE '2018-06-01', TRUE, 105),
  ('wales', DATE '2018-06-02', FALSE, 105),
  ('wales', DATE '2018-06-03', FALSE, 105),
  ('wales', DATE '2018-06-04', TRUE, 106),
  ('wales', DATE '2018-06-05', TRUE, 107),
  ('wales', DATE '2018-06-06', TRUE, 108),
  ('wales', DATE '2018-06-07', TRUE, 109),
  ('wales', DATE '2018-06-08', TRUE, 110),
  ('wales', DATE '2018-06-09', FALSE, 110),
  ('wales', DATE '2018-06-10', FALSE, 110),
  ('wales', DATE '2018-06-11', TRUE, 111),
  ('wales', DATE '2018-06-12', TRUE, 112),
  ('wales', DATE '2018-06-13', TRUE, 113),
  ('wales', DATE '2018-06-14', TRUE, 114),
  ('wales', DATE '2018-06-15', TRUE, 115),
  ('wales', DATE '2018-06-16', FALSE, 115),
  ('wales', DATE '2018-06-17', FALSE, 115),
  ('wales', DATE '2018-06-18', TRUE, 116),
  ('wales', DATE '2018-06-19', TRUE, 117),
  ('wales', DATE '2018-06-20', TRUE, 118),
  ('wales', DATE '2018-06-21', TRUE, 119),
  ('wales', DATE '2018-06-22', TRUE, 120),
  ('wales', DATE '2018-06-23', FALSE, 120),
  ('wales', DATE '2018-06-24', FALSE, 120),
  ('wales', DATE '2018-06-25', TRUE, 121),
  ('wales', DATE '2018-06-26', TRUE, 122),
  ('wales', DATE '2018-06-27', TRUE, 123),
  ('wales', DATE '2018-06-28', TRUE, 124),
  ('wales', DATE '2018-06-29', TRUE, 125),
  ('wales', DATE '2018-06-30', FALSE, 125),
  ('wales', DATE '2018-07-01', FALSE, 125),
  ('wales', DATE '2018-07-02', TRUE, 126),
  ('wales', DATE '2018-07-03', TRUE, 127),
  ('wales', DATE '2018-07-04', TRUE, 128),
  ('wales', DATE '2018-07-05', TRUE, 129),
  ('wales', DATE '2018-07-06', TRUE, 130),
  ('wales', DATE '2018-07-07', FALSE, 130),
  ('wales', DATE '2018-07-08', FALSE, 130),
  ('wales', DATE '2018-07-09', TRUE, 131),
  ('wales', DATE '2018-07-10', TRUE, 132),
  ('wales', DATE '2018-07-11', TRUE, 133),
  ('wales', DATE '2018-07-12', TRUE, 134),
  ('wales', DATE '2018-07-13', TRUE, 135),
  ('wales', DATE '2018-07-14', FALSE, 135),
  ('wales', DATE '2018-07-15', FALSE, 135),
  ('wales', DATE '2018-07-16', TRUE, 136),
  ('wales', DATE '2018-07-17', TRUE, 137),
  ('wales', DATE '2018-07-18', TRUE, 138),
  ('wales', DATE '2018-07-19', TRUE, 139),
  ('wales', DATE '2018-07-20', TRUE, 140),
  ('wales', DATE '2018-07-21', FALSE, 140),
  ('wales', DATE '2018-07-22', FALSE, 140),
  ('wales', DATE '2018-07-23', TRUE, 141),
  ('wales', DATE '2018-07-24', TRUE, 142),
  ('wales', DATE '2018-07-25', TRUE, 143),
  ('wales', DATE '2018-07-26', TRUE, 144),
  ('wales', DATE '2018-07-27', TRUE, 145),
  ('wales', DATE '2018-07-28', FALSE, 145),
  ('wales', DATE '2018-07-29', FALSE, 145),
  ('wales', DATE '2018-07-30', TRUE, 146),
  ('wales', DATE '2018-07-31', TRUE, 147),
  ('wales', DATE '2018-08-01', TRUE, 148),
  ('wales', DATE '2018-08-02', TRUE, 149),
  ('wales', DATE '2018-08-03', TRUE, 150),
  ('wales', DATE '2018-08-04', FALSE, 150),
  ('wales', DATE '2018-08-05', FALSE, 150),
  ('wales', DATE '2018-08-06', TRUE, 151),
  ('wales', DATE '2018-08-07', TRUE, 152),
  ('wales', DATE '2018-08-08', TRUE, 153),
  ('wales', DATE '2018-08-09', TRUE, 154),
  ('wales', DATE '2018-08-10', TRUE, 155),
  ('wales', DATE '2018-08-11', FALSE, 155),
  ('wales', DATE '2018-08-12', FALSE, 155),
  ('wales', DATE '2018-08-13', TRUE, 156),
  ('wales', DATE '2018-08-14', TRUE, 157),
  ('wales', DATE '2018-08-15', TRUE, 158),
  ('wales', DATE '2018-08-16', TRUE, 159),
  ('wales', DATE '2018-08-17', TRUE, 160),
  ('wales', DATE '2018-08-18', FALSE, 160),
  ('wales', DATE '2018-08-19', FALSE, 160),
  ('wales', DATE '2018-08-20', TRUE, 161),
  ('wales', DATE '2018-08-21', TRUE, 162),
  ('wales', DATE '2018-08-22', TRUE, 163),
  ('wales', DATE '2018-08-23', TRUE, 164),
  ('wales', DATE '2018-08-24', TRUE, 165),
  ('wales', DATE '2018-08-25', FALSE, 165),
  ('wales', DATE '2018-08-26', FALSE, 165),
  ('wales', DATE '2018-08-27', FALSE, 165),
  ('wales', DATE '2018-08-28', TRUE, 166),
  ('wales', DATE '2018-08-29', TRUE, 167),
  ('wales', DATE '2018-08-30', TRUE, 168),
  ('wales', DATE '2018-08-31', TRUE, 169),
  ('wales', DATE '2018-09-01', FALSE, 169),
  ('wales', DATE '2018-09-02', FALSE, 169),
  ('wales', DATE '2018-09-03', TRUE, 170),
  ('wales', DATE '2018-09-04', TRUE, 171),
  ('wales', DATE '2018-09-05', TRUE, 172),
  ('wales', DATE '2018-09-06', TRUE, 173),
  ('wales', DATE '2018-09-07', TRUE, 174),
  ('wales', DATE '2018-09-08', FALSE, 174),
  ('wales', DATE '2018-09-09', FALSE, 174),
  ('wales', DATE '2018-09-10', TRUE, 175),
  ('wales', DATE '2018-09-11', TRUE, 176),
  ('wales', DATE '2018-09-12', TRUE, 177),
  ('wales', DATE '2018-09-13', TRUE, 178),
  ('wales', DATE '2018-09-14', TRUE, 179),
  ('wales', DATE '2018-09-15', FALSE, 179),
  ('wales', DATE '2018-09-16', FALSE, 179),
  ('wales', DATE '2018-09-17', TRUE, 180),
  ('wales', DATE '2018-09-18', TRUE, 181),
  ('wales', DATE '2018-09-19', TRUE, 182),
  ('wales', DATE '2018-09-20', TRUE, 183),
  ('wales', DATE '2018-09-21', TRUE, 184),
  ('wales', DATE '2018-09-22', FALSE, 184),
  ('wales', DATE '2018-09-23', FALSE, 184),
  ('wales', DATE '2018-09-24', TRUE, 185),
  ('wales', DATE '2018-09-25', TRUE, 186),
  ('wales', DATE '2018-09-26', TRUE, 187),
  ('wales', DATE '2018-09-27', TRUE, 188),
  ('wales', DATE '2018-09-28', TRUE, 189),
  ('wales', DATE '2018-09-29', FALSE, 189),
  ('wales', DATE '2018-09-30', FALSE, 189),
  ('wales', DATE '2018-10-01', TRUE, 190),
  ('wales', DATE '2018-10-02', TRUE, 191),
  ('wales', DATE '2018-10-03', TRUE, 192),
  ('wales', DATE '2018-10-04', TRUE, 193),
  ('wales', DATE '2018-10-05', TRUE, 194),
  ('wales', DATE '2018-10-06', FALSE, 194),
  ('wales', DATE '2018-10-07', FALSE, 194),
  ('wales', DATE '2018-10-08', TRUE, 195),
  ('wales', DATE '2018-10-09', TRUE, 196),
  ('wales', DATE '2018-10-10', TRUE, 197),
  ('wales', DATE '2018-10-11', TRUE, 198),
  ('wales', DATE '2018-10-12', TRUE, 199),
  ('wales', DATE '2018-10-13', FALSE, 199),
  ('wales', DATE '2018-10-14', FALSE, 199),
  ('wales', DATE '2018-10-15', TRUE, 200),
  ('wales', DATE '2018-10-16', TRUE, 201),
  ('wales', DATE '2018-10-17', TRUE, 202),
  ('wales', DATE '2018-10-18', TRUE, 203),
  ('wales', DATE '2018-10-19', TRUE, 204),
  ('wales', DATE '2018-10-20', FALSE, 204),
  ('wales', DATE '2018-10-21', FALSE, 204),
  ('wales', DATE '2018-10-22', TRUE, 205),
  ('wales', DATE '2018-10-23', TRUE, 206),
  ('wales', DATE '2018-10-24', TRUE, 207),
  ('wales', DATE '2018-10-25', TRUE, 208),
  ('wales', DATE '2018-10-26', TRUE, 209),
  ('wales', DATE '2018-10-27', FALSE, 209),
  ('wales', DATE '2018-10-28', FALSE, 209),
  ('wales', DATE '2018-10-29', TRUE, 210),
  ('wales', DATE '2018-10-30', TRUE, 211),
  ('wales', DATE '2018-10-31', TRUE, 212),
  ('wales', DATE '2018-11-01', TRUE, 213),
  ('wales', DATE '2018-11-02', TRUE, 214),
  ('wales', DATE '2018-11-03', FALSE, 214),
  ('wales', DATE '2018-11-04', FALSE, 214),
  ('wales', DATE '2018-11-05', TRUE, 215),
  ('wales', DATE '2018-11-06', TRUE, 216),
  ('wales', DATE '2018-11-07', TRUE, 217),
  ('wales', DATE '2018-11-08', TRUE, 218),
  ('wales', DATE '2018-11-09', TRUE, 219),
  ('wales', DATE '2018-11-10', FALSE, 219),
  ('wales', DATE '2018-11-11', FALSE, 219),
  ('wales', DATE '2018-11-12', TRUE, 220),
  ('wales', DATE '2018-11-13', TRUE, 221),
  ('wales', DATE '2018-11-14', TRUE, 222),
  ('wales', DATE '2018-11-15', TRUE, 223),
  ('wales', DATE '2018-11-16', TRUE, 224),
  ('wales', DATE '2018-11-17', FALSE, 224),
  ('wales', DATE '2018-11-18', FALSE, 224),
  ('wales', DATE '2018-11-19', TRUE, 225),
  ('wales', DATE '2018-11-20', TRUE, 226),
  ('wales', DATE '2018-11-21', TRUE, 227),
  ('wales', DATE '2018-11-22', TRUE, 228),
  ('wales', DATE '2018-11-23', TRUE, 229),
  ('wales', DATE '2018-11-24', FALSE, 229),
  ('wales', DATE '2018-11-25', FALSE, 229),
  ('wales', DATE '2018-11-26', TRUE, 230),
  ('wales', DATE '2018-11-27', TRUE, 231),
  ('wales', DATE '2018-11-28', TRUE, 232),
  ('wales', DATE '2018-11-29', TRUE, 233),
  ('wales', DATE '2018-11-30', TRUE, 234),
  ('wales', DATE '2018-12-01', FALSE, 234),
  ('wales', DATE '2018-12-02', FALSE, 234),
  ('wales', DATE '2018-12-03', TRUE, 235),
  ('wales', DATE '2018-12-04', TRUE, 236),
  ('wales', DATE '2018-12-05', TRUE, 237),
  ('wales', DATE '2018-12-06', TRUE, 238),
  ('wales', DATE '2018-12-07', TRUE, 239),
  ('wales', DATE '2018-12-08', FALSE, 239),
  ('wales', DATE '2018-12-09', FALSE, 239),
  ('wales', DATE '2018-12-10', TRUE, 240),
  ('wales', DATE '2018-12-11', TRUE, 241),
  ('wales', DATE '2018-12-12', TRUE, 242),
  ('wales', DATE '2018-12-13', TRUE, 243),
  ('wales', DATE '2018-12-14', TRUE, 244),
  ('wales', DATE '2018-12-15', FALSE, 244),
  ('wales', DATE '2018-12-16', FALSE, 244),
  ('wales', DATE '2018-12-17', TRUE, 245),
  ('wales', DATE '2018-12-18', TRUE, 246),
  ('wales', DATE '2018-12-19', TRUE, 247),
  ('wales', DATE '2018-12-20', TRUE, 248),
  ('wales', DATE '2018-12-21', TRUE, 249),
  ('wales', DATE '2018-12-22', FALSE, 249),
  ('wales', DATE '2018-12-23', FALSE, 249),
  ('wales', DATE '2018-12-24', TRUE, 250),
  ('wales', DATE '2018-12-25', FALSE, 250),
  ('wales', DATE '2018-12-26', FALSE, 250),
  ('wales', DATE '2018-12-27', TRUE, 251),
  ('wales', DATE '2018-12-28', TRUE, 252),
  ('wales', DATE '2018-12-29', FALSE, 252),
  ('wales', DATE '2018-12-30', FALSE, 252),
  ('wales', DATE '2018-12-31', TRUE, 253),
  ('wales', DATE '2019-01-01', FALSE, 253),
  ('wales', DATE '2019-01-02', TRUE, 254),
  ('wales', DATE '2019-01-03', TRUE, 255),
  ('wales', DATE '2019-01-04', TRUE, 256),
  ('wales', DATE '2019-01-05', FALSE, 256),
  ('wales', DATE '2019-01-06', FALSE, 256),
  ('wales', DATE '2019-01-07', TRUE, 257),
  ('wales', DATE '2019-01-08', TRUE, 258),
  ('wales', DATE '2019-01-09', TRUE, 259),
  ('wales', DATE '2019-01-10', TRUE, 260),
  ('wales', DATE '2019-01-11', TRUE, 261),
  ('wales', DATE '2019-01-12', FALSE, 261),
  ('wales', DATE '2019-01-13', FALSE, 261),
  ('wales', DATE '2019-01-14', TRUE, 262),
  ('wales', DATE '2019-01-15', TRUE, 263),
  ('wales', DATE '2019-01-16', TRUE, 264),
  ('wales', DATE '2019-01-17', TRUE, 265),
  ('wales', DATE '2019-01-18', TRUE, 266),
  ('wales', DATE '2019-01-19', FALSE, 266),
  ('wales', DATE '2019-01-20', FALSE, 266),
  ('wales', DATE '2019-01-21', TRUE, 267),
  ('wales', DATE '2019-01-22', TRUE, 268),
  ('wales', DATE '2019-01-23', TRUE, 269),
  ('wales', DATE '2019-01-24', TRUE, 270),
  ('wales', DATE '2019-01-25', TRUE, 271),
  ('wales', DATE '2019-01-26', FALSE, 271),
  ('wales', DATE '2019-01-27', FALSE, 271),
  ('wales', DATE '2019-01-28', TRUE, 272),
  ('wales', DATE '2019-01-29', TRUE, 273),
  ('wales', DATE '2019-01-30', TRUE, 274),
  ('wales', DATE '2019-01-31', TRUE, 275),
  ('wales', DATE '2019-02-01', TRUE, 276),
  ('wales', DATE '2019-02-02', FALSE, 276),
  ('wales', DATE '2019-02-03', FALSE, 276),
  ('wales', DATE '2019-02-04', TRUE, 277),
  ('wales', DATE '2019-02-05', TRUE, 278),
  ('wales', DATE '2019-02-06', TRUE, 279),
  ('wales', DATE '2019-02-07', TRUE, 280),
  ('wales', DATE '2019-02-08', TRUE, 281),
  ('wales', DATE '2019-02-09', FALSE, 281),
  ('wales', DATE '2019-02-10', FALSE, 281),
  ('wales', DATE '2019-02-11', TRUE, 282),
  ('wales', DATE '2019-02-12', TRUE, 283),
  ('wales', DATE '2019-02-13', TRUE, 284),
  ('wales', DATE '2019-02-14', TRUE, 285),
  ('wales', DATE '2019-02-15', TRUE, 286),
  ('wales', DATE '2019-02-16', FALSE, 286),
  ('wales', DATE '2019-02-17', FALSE, 286),
  ('wales', DATE '2019-02-18', TRUE, 287),
  ('wales', DATE '2019-02-19', TRUE, 288),
  ('wales', DATE '2019-02-20', TRUE, 289),
  ('wales', DATE '2019-02-21', TRUE, 290),
  ('wales', DATE '2019-02-22', TRUE, 291),
  ('wales', DATE '2019-02-23', FALSE, 291),
  ('wales', DATE '2019-02-24', FALSE, 291),
  ('wales', DATE '2019-02-25', TRUE, 292),
  ('wales', DATE '2019-02-26', TRUE, 293),
  ('wales', DATE '2019-02-27', TRUE, 294),
  ('wales', DATE '2019-02-28', TRUE, 295),
  ('wales', DATE '2019-03-01', TRUE, 296),
  ('wales', DATE '2019-03-02', FALSE, 296),
  ('wales', DATE '2019-03-03', FALSE, 296),
  ('wales', DATE '2019-03-04', TRUE, 297),
  ('wales', DATE '2019-03-05', TRUE, 298),
  ('wales', DATE '2019-03-06', TRUE, 299),
  ('wales', DATE '2019-03-07', TRUE, 300),
  ('wales', DATE '2019-03-08', TRUE, 301),
  ('wales', DATE '2019-03-09', FALSE, 301),
  ('wales', DATE '2019-03-10', FALSE, 301),
  ('wales', DATE '2019-03-11', TRUE, 302),
  ('wales', DATE '2019-03-12', TRUE, 303),
  ('wales', DATE '2019-03-13', TRUE, 304),
  ('wales', DATE '2019-03-14', TRUE, 305),
  ('wales', DATE '2019-03-15', TRUE, 306),
  ('wales', DATE '2019-03-16', FALSE, 306),
  ('wales', DATE '2019-03-17', FALSE, 306),
  ('wales', DATE '2019-03-18', TRUE, 307),
  ('wales', DATE '2019-03-19', TRUE, 308),
  ('wales', DATE '2019-03-20', TRUE, 309),
  ('wales', DATE '2019-03-21', TRUE, 310),
  ('wales', DATE '2019-03-22', TRUE, 311),
  ('wales', DATE '2019-03-23', FALSE, 311),
  ('wales', DATE '2019-03-24', FALSE, 311),
  ('wales', DATE '2019-03-25', TRUE, 312),
  ('wales', DATE '2019-03-26', TRUE, 313),
  ('wales', DATE '2019-03-27', TRUE, 314),
  ('wales', DATE '2019-03-28', TRUE, 315),
  ('wales', DATE '2019-03-29', TRUE, 316),
  ('wales', DATE '2019-03-30', FALSE, 316),
  ('wales', DATE '2019-03-31', FALSE, 316),
  ('wales', DATE '2019-04-01', TRUE, 317),
  ('wales', DATE '2019-04-02', TRUE, 318),
  ('wales', DATE '2019-04-03', TRUE, 319),
  ('wales', DATE '2019-04-04', TRUE, 320),
  ('wales', DATE '2019-04-05', TRUE, 321),
  ('wales', DATE '2019-04-06', FALSE, 321),
  ('wales', DATE '2019-04-07', FALSE, 321),
  ('wales', DATE '2019-04-08', TRUE, 322),
  ('wales', DATE '2019-04-09', TRUE, 323),
  ('wales', DATE '2019-04-10', TRUE, 324),
  ('wales', DATE '2019-04-11', TRUE, 325),
  ('wales', DATE '2019-04-12', TRUE, 326),
  ('wales', DATE '2019-04-13', FALSE, 326),
  ('wales', DATE '2019-04-14', FALSE, 326),
  ('wales', DATE '2019-04-15', TRUE, 327),
  ('wales', DATE '2019-04-16', TRUE, 328),
  ('wales', DATE '2019-04-17', TRUE, 329),
  ('wales', DATE '2019-04-18', TRUE, 330),
  ('wales', DATE '2019-04-19', FALSE, 330),
  ('wales', DATE '2019-04-20', FALSE, 330),
  ('wales', DATE '2019-04-21', FALSE, 330),
  ('wales', DATE '2019-04-22', FALSE, 330),
  ('wales', DATE '2019-04-23', TRUE, 331),
  ('wales', DATE '2019-04-24', TRUE, 332),
  ('wales', DATE '2019-04-25', TRUE, 333),
  ('wales', DATE '2019-04-26', TRUE, 334),
  ('wales', DATE '2019-04-27', FALSE, 334),
  ('wales', DATE '2019-04-28', FALSE, 334),
  ('wales', DATE '2019-04-29', TRUE, 335),
  ('wales', DATE '2019-04-30', TRUE, 336),
  ('wales', DATE '2019-05-01', TRUE, 337),
  ('wales', DATE '2019-05-02', TRUE, 338),
  ('wales', DATE '2019-05-03', TRUE, 339),
  ('wales', DATE '2019-05-04', FALSE, 339),
  ('wales', DATE '2019-05-05', FALSE, 339),
  ('wales', DATE '2019-05-06', FALSE, 339),
  ('wales', DATE '2019-05-07', TRUE, 340),
  ('wales', DATE '2019-05-08', TRUE, 341),
  ('wales', DATE '2019-05-09', TRUE, 342),
  ('wales', DATE '2019-05-10', TRUE, 343),
  ('wales', DATE '2019-05-11', FALSE, 343),
  ('wales', DATE '2019-05-12', FALSE, 343),
  ('wales', DATE '2019-05-13', TRUE, 344),
  ('wales', DATE '2019-05-14', TRUE, 345),
  ('wales', DATE '2019-05-15', TRUE, 346),
  ('wales', DATE '2019-05-16', TRUE, 347),
  ('wales', DATE '2019-05-17', TRUE, 348),
  ('wales', DATE '2019-05-18', FALSE, 348),
  ('wales', DATE '2019-05-19', FALSE, 348),
  ('wales', DATE '2019-05-20', TRUE, 349),
  ('wales', DATE '2019-05-21', TRUE, 350),
  ('wales', DATE '2019-05-22', TRUE, 351),
  ('wales', DATE '2019-05-23', TRUE, 352),
  ('wales', DATE '2019-05-24', TRUE, 353),
  ('wales', DATE '2019-05-25', FALSE, 353),
  ('wales', DATE '2019-05-26', FALSE, 353),
  ('wales', DATE '2019-05-27', FALSE, 353),
  ('wales', DATE '2019-05-28', TRUE, 354),
  ('wales', DATE '2019-05-29', TRUE, 355),
  ('wales', DATE '2019-05-30', TRUE, 356),
  ('wales', DATE '2019-05-31', TRUE, 357),
  ('wales', DATE '2019-06-01', FALSE, 357),
  ('wales', DATE '2019-06-02', FALSE, 357),
  ('wales', DATE '2019-06-03', TRUE, 358),
  ('wales', DATE '2019-06-04', TRUE, 359),
  ('wales', DATE '2019-06-05', TRUE, 360),
  ('wales', DATE '2019-06-06', TRUE, 361),
  ('wales', DATE '2019-06-07', TRUE, 362),
  ('wales', DATE '2019-06-08', FALSE, 362),
  ('wales', DATE '2019-06-09', FALSE, 362),
  ('wales', DATE '2019-06-10', TRUE, 363),
  ('wales', DATE '2019-06-11', TRUE, 364),
  ('wales', DATE '2019-06-12', TRUE, 365),
  ('wales', DATE '2019-06-13', TRUE, 366),
  ('wales', DATE '2019-06-14', TRUE, 367),
  ('wales', DATE '2019-06-15', FALSE, 367),
  ('wales', DATE '2019-06-16', FALSE, 367),
  ('wales', DATE '2019-06-17', TRUE, 368),
  ('wales', DATE '2019-06-18', TRUE, 369),
  ('wales', DATE '2019-06-19', TRUE, 370),
  ('wales', DATE '2019-06-20', TRUE, 371),
  ('wales', DATE '2019-06-21', TRUE, 372),
  ('wales', DATE '2019-06-22', FALSE, 372),
  ('wales', DATE '2019-06-23', FALSE, 372),
  ('wales', DATE '2019-06-24', TRUE, 373),
  ('wales', DATE '2019-06-25', TRUE, 374),
  ('wales', DATE '2019-06-26', TRUE, 375),
  ('wales', DATE '2019-06-27', TRUE, 376),
  ('wales', DATE '2019-06-28', TRUE, 377),
  ('wales', DATE '2019-06-29', FALSE, 377),
  ('wales', DATE '2019-06-30', FALSE, 377),
  ('wales', DATE '2019-07-01', TRUE, 378),
  ('wales', DATE '2019-07-02', TRUE, 379),
  ('wales', DATE '2019-07-03', TRUE, 380),
  ('wales', DATE '2019-07-04', TRUE, 381),
  ('wales', DATE '2019-07-05', TRUE, 382),
  ('wales', DATE '2019-07-06', FALSE, 382),
  ('wales', DATE '2019-07-07', FALSE, 382),
  ('wales', DATE '2019-07-08', TRUE, 383),
  ('wales', DATE '2019-07-09', TRUE, 384),
  ('wales', DATE '2019-07-10', TRUE, 385),
  ('wales', DATE '2019-07-11', TRUE, 386),
  ('wales', DATE '2019-07-12', TRUE, 387),
  ('wales', DATE '2019-07-13', FALSE, 387),
  ('wales', DATE '2019-07-14', FALSE, 387),
  ('wales', DATE '2019-07-15', TRUE, 388),
  ('wales', DATE '2019-07-16', TRUE, 389),
  ('wales', DATE '2019-07-17', TRUE, 390),
  ('wales', DATE '2019-07-18', TRUE, 391),
  ('wales', DATE '2019-07-19', TRUE, 392),
  ('wales', DATE '2019-07-20', FALSE, 392),
  ('wales', DATE '2019-07-21', FALSE, 392),
  ('wales', DATE '2019-07-22', TRUE, 393),
  ('wales', DATE '2019-07-23', TRUE, 394),
  ('wales', DATE '2019-07-24', TRUE, 395),
  ('wales', DATE '2019-07-25', TRUE, 396),
  ('wales', DATE '2019-07-26', TRUE, 397),
  ('wales', DATE '2019-07-27', FALSE, 397),
  ('wales', DATE '2019-07-28', FALSE, 397),
  ('wales', DATE '2019-07-29', TRUE, 398),
  ('wales', DATE '2019-07-30', TRUE, 399),
  ('wales', DATE '2019-07-31', TRUE, 400),
  ('wales', DATE '2019-08-01', TRUE, 401),
  ('wales', DATE '2019-08-02', TRUE, 402),
  ('wales', DATE '2019-08-03', FALSE, 402),
  ('wales', DATE '2019-08-04', FALSE, 402),
  ('wales', DATE '2019-08-05', TRUE, 403),
  ('wales', DATE '2019-08-06', TRUE, 404),
  ('wales', DATE '2019-08-07', TRUE, 405),
  ('wales', DATE '2019-08-08', TRUE, 406),
  ('wales', DATE '2019-08-09', TRUE, 407),
  ('wales', DATE '2019-08-10', FALSE, 407),
  ('wales', DATE '2019-08-11', FALSE, 407),
  ('wales', DATE '2019-08-12', TRUE, 408),
  ('wales', DATE '2019-08-13', TRUE, 409),
  ('wales', DATE '2019-08-14', TRUE, 410),
  ('wales', DATE '2019-08-15', TRUE, 411),
  ('wales', DATE '2019-08-16', TRUE, 412),
  ('wales', DATE '2019-08-17', FALSE, 412),
  ('wales', DATE '2019-08-18', FALSE, 412),
  ('wales', DATE '2019-08-19', TRUE, 413),
  ('wales', DATE '2019-08-20', TRUE, 414),
  ('wales', DATE '2019-08-21', TRUE, 415),
  ('wales', DATE '2019-08-22', TRUE, 416),
  ('wales', DATE '2019-08-23', TRUE, 417),
  ('wales', DATE '2019-08-24', FALSE, 417),
  ('wales', DATE '2019-08-25', FALSE, 417),
  ('wales', DATE '2019-08-26', FALSE, 417),
  ('wales', DATE '2019-08-27', TRUE, 418),
  ('wales', DATE '2019-08-28', TRUE, 419),
  ('wales', DATE '2019-08-29', TRUE, 420),
  ('wales', DATE '2019-08-30', TRUE, 421),
  ('wales', DATE '2019-08-31', FALSE, 421),
  ('wales', DATE '2019-09-01', FALSE, 421),
  ('wales', DATE '2019-09-02', TRUE, 422),
  ('wales', DATE '2019-09-03', TRUE, 423),
  ('wales', DATE '2019-09-04', TRUE, 424),
  ('wales', DATE '2019-09-05', TRUE, 425),
  ('wales', DATE '2019-09-06', TRUE, 426),
  ('wales', DATE '2019-09-07', FALSE, 426),
  ('wales', DATE '2019-09-08', FALSE, 426),
  ('wales', DATE '2019-09-09', TRUE, 427),
  ('wales', DATE '2019-09-10', TRUE, 428),
  ('wales', DATE '2019-09-11', TRUE, 429),
  ('wales', DATE '2019-09-12', TRUE, 430),
  ('wales', DATE '2019-09-13', TRUE, 431),
  ('wales', DATE '2019-09-14', FALSE, 431),
  ('wales', DATE '2019-09-15', FALSE, 431),
  ('wales', DATE '2019-09-16', TRUE, 432),
  ('wales', DATE '2019-09-17', TRUE, 433),
  ('wales', DATE '2019-09-18', TRUE, 434),
  ('wales', DATE '2019-09-19', TRUE, 435),
  ('wales', DATE '2019-09-20', TRUE, 436),
  ('wales', DATE '2019-09-21', FALSE, 436),
  ('wales', DATE '2019-09-22', FALSE, 436),
  ('wales', DATE '2019-09-23', TRUE, 437),
  ('wales', DATE '2019-09-24', TRUE, 438),
  ('wales', DATE '2019-09-25', TRUE, 439),
  ('wales', DATE '2019-09-26', TRUE, 440),
  ('wales', DATE '2019-09-27', TRUE, 441),
  ('wales', DATE '2019-09-28', FALSE, 441),
  ('wales', DATE '2019-09-29', FALSE, 441),
  ('wales', DATE '2019-09-30', TRUE, 442),
  ('wales', DATE '2019-10-01', TRUE, 443),
  ('wales', DATE '2019-10-02', TRUE, 444),
  ('wales', DATE '2019-10-03', TRUE, 445),
  ('wales', DATE '2019-10-04', TRUE, 446),
  ('wales', DATE '2019-10-05', FALSE, 446),
  ('wales', DATE '2019-10-06', FALSE, 446),
  ('wales', DATE '2019-10-07', TRUE, 447),
  ('wales', DATE '2019-10-08', TRUE, 448),
  ('wales', DATE '2019-10-09', TRUE, 449),
  ('wales', DATE '2019-10-10', TRUE, 450),
  ('wales', DATE '2019-10-11', TRUE, 451),
  ('wales', DATE '2019-10-12', FALSE, 451),
  ('wales', DATE '2019-10-13', FALSE, 451),
  ('wales', DATE '2019-10-14', TRUE, 452),
  ('wales', DATE '2019-10-15', TRUE, 453),
  ('wales', DATE '2019-10-16', TRUE, 454),
  ('wales', DATE '2019-10-17', TRUE, 455),
  ('wales', DATE '2019-10-18', TRUE, 456),
  ('wales', DATE '2019-10-19', FALSE, 456),
  ('wales', DATE '2019-10-20', FALSE, 456),
  ('wales', DATE '2019-10-21', TRUE, 457),
  ('wales', DATE '2019-10-22', TRUE, 458),
  ('wales', DATE '2019-10-23', TRUE, 459),
  ('wales', DATE '2019-10-24', TRUE, 460),
  ('wales', DATE '2019-10-25', TRUE, 461),
  ('wales', DATE '2019-10-26', FALSE, 461),
  ('wales', DATE '2019-10-27', FALSE, 461),
  ('wales', DATE '2019-10-28', TRUE, 462),
  ('wales', DATE '2019-10-29', TRUE, 463),
  ('wales', DATE '2019-10-30', TRUE, 464),
  ('wales', DATE '2019-10-31', TRUE, 465),
  ('wales', DATE '2019-11-01', TRUE, 466),
  ('wales', DATE '2019-11-02', FALSE, 466),
  ('wales', DATE '2019-11-03', FALSE, 466),
  ('wales', DATE '2019-11-04', TRUE, 467),
  ('wales', DATE '2019-11-05', TRUE, 468),
  ('wales', DATE '2019-11-06', TRUE, 469),
  ('wales', DATE '2019-11-07', TRUE, 470),
  ('wales', DATE '2019-11-08', TRUE, 471),
  ('wales', DATE '2019-11-09', FALSE, 471),
  ('wales', DATE '2019-11-10', FALSE, 471),
  ('wales', DATE '2019-11-11', TRUE, 472),
  ('wales', DATE '2019-11-12', TRUE, 473),
  ('wales', DATE '2019-11-13', TRUE, 474),
  ('wales', DATE '2019-11-14', TRUE, 475),
  ('wales', DATE '2019-11-15', TRUE, 476),
  ('wales', DATE '2019-11-16', FALSE, 476),
  ('wales', DATE '2019-11-17', FALSE, 476),
  ('wales', DATE '2019-11-18', TRUE, 477),
  ('wales', DATE '2019-11-19', TRUE, 478),
  ('wales', DATE '2019-11-20', TRUE, 479),
  ('wales', DATE '2019-11-21', TRUE, 480),
  ('wales', DATE '2019-11-22', TRUE, 481),
  ('wales', DATE '2019-11-23', FALSE, 481),
  ('wales', DATE '2019-11-24', FALSE, 481),
  ('wales', DATE '2019-11-25', TRUE, 482),
  ('wales', DATE '2019-11-26', TRUE, 483),
  ('wales', DATE '2019-11-27', TRUE, 484),
  ('wales', DATE '2019-11-28', TRUE, 485),
  ('wales', DATE '2019-11-29', TRUE, 486),
  ('wales', DATE '2019-11-30', FALSE, 486),
  ('wales', DATE '2019-12-01', FALSE, 486),
  ('wales', DATE '2019-12-02', TRUE, 487),
  ('wales', DATE '2019-12-03', TRUE, 488),
  ('wales', DATE '2019-12-04', TRUE, 489),
  ('wales', DATE '2019-12-05', TRUE, 490),
  ('wales', DATE '2019-12-06', TRUE, 491),
  ('wales', DATE '2019-12-07', FALSE, 491),
  ('wales', DATE '2019-12-08', FALSE, 491),
  ('wales', DATE '2019-12-09', TRUE, 492),
  ('wales', DATE '2019-12-10', TRUE, 493),
  ('wales', DATE '2019-12-11', TRUE, 494),
  ('wales', DATE '2019-12-12', TRUE, 495),
  ('wales', DATE '2019-12-13', TRUE, 496),
  ('wales', DATE '2019-12-14', FALSE, 496),
  ('wales', DATE '2019-12-15', FALSE, 496),
  ('wales', DATE '2019-12-16', TRUE, 497),
  ('wales', DATE '2019-12-17', TRUE, 498),
  ('wales', DATE '2019-12-18', TRUE, 499),
  ('wales', DATE '2019-12-19', TRUE, 500),
  ('wales', DATE '2019-12-20', TRUE, 501),
  ('wales', DATE '2019-12-21', FALSE, 501),
  ('wales', DATE '2019-12-22', FALSE, 501),
  ('wales', DATE '2019-12-23', TRUE, 502),
  ('wales', DATE '2019-12-24', TRUE, 503),
  ('wales', DATE '2019-12-25', FALSE, 503),
  ('wales', DATE '2019-12-26', FALSE, 503),
  ('wales', DATE '2019-12-27', TRUE, 504),
  ('wales', DATE '2019-12-28', FALSE, 504),
  ('wales', DATE '2019-12-29', FALSE, 504),
  ('wales', DATE '2019-12-30', TRUE, 505),
  ('wales', DATE '2019-12-31', TRUE, 506),
  ('wales', DATE '2020-01-01', FALSE, 506),
  ('wales', DATE '2020-01-02', TRUE, 507),
  ('wales', DATE '2020-01-03', TRUE, 508),
  ('wales', DATE '2020-01-04', FALSE, 508),
  ('wales', DATE '2020-01-05', FALSE, 508),
  ('wales', DATE '2020-01-06', TRUE, 509),
  ('wales', DATE '2020-01-07', TRUE, 510),
  ('wales', DATE '2020-01-08', TRUE, 511),
  ('wales', DATE '2020-01-09', TRUE, 512),
  ('wales', DATE '2020-01-10', TRUE, 513),
  ('wales', DATE '2020-01-11', FALSE, 513),
  ('wales', DATE '2020-01-12', FALSE, 513),
  ('wales', DATE '2020-01-13', TRUE, 514),
  ('wales', DATE '2020-01-14', TRUE, 515),
  ('wales', DATE '2020-01-15', TRUE, 516),
  ('wales', DATE '2020-01-16', TRUE, 517),
  ('wales', DATE '2020-01-17', TRUE, 518),
  ('wales', DATE '2020-01-18', FALSE, 518),
  ('wales', DATE '2020-01-19', FALSE, 518),
  ('wales', DATE '2020-01-20', TRUE, 519),
  ('wales', DATE '2020-01-21', TRUE, 520),
  ('wales', DATE '2020-01-22', TRUE, 521),
  ('wales', DATE '2020-01-23', TRUE, 522),
  ('wales', DATE '2020-01-24', TRUE, 523),
  ('wales', DATE '2020-01-25', FALSE, 523),
  ('wales', DATE '2020-01-26', FALSE, 523),
  ('wales', DATE '2020-01-27', TRUE, 524),
  ('wales', DATE '2020-01-28', TRUE, 525),
  ('wales', DATE '2020-01-29', TRUE, 526),
  ('wales', DATE '2020-01-30', TRUE, 527),
  ('wales', DATE '2020-01-31', TRUE, 528),
  ('wales', DATE '2020-02-01', FALSE, 528),
  ('wales', DATE '2020-02-02', FALSE, 528),
  ('wales', DATE '2020-02-03', TRUE, 529),
  ('wales', DATE '2020-02-04', TRUE, 530),
  ('wales', DATE '2020-02-05', TRUE, 531),
  ('wales', DATE '2020-02-06', TRUE, 532),
  ('wales', DATE '2020-02-07', TRUE, 533),
  ('wales', DATE '2020-02-08', FALSE, 533),
  ('wales', DATE '2020-02-09', FALSE, 533),
  ('wales', DATE '2020-02-10', TRUE, 534),
  ('wales', DATE '2020-02-11', TRUE, 535),
  ('wales', DATE '2020-02-12', TRUE, 536),
  ('wales', DATE '2020-02-13', TRUE, 537),
  ('wales', DATE '2020-02-14', TRUE, 538),
  ('wales', DATE '2020-02-15', FALSE, 538),
  ('wales', DATE '2020-02-16', FALSE, 538),
  ('wales', DATE '2020-02-17', TRUE, 539),
  ('wales', DATE '2020-02-18', TRUE, 540),
  ('wales', DATE '2020-02-19', TRUE, 541),
  ('wales', DATE '2020-02-20', TRUE, 542),
  ('wales', DATE '2020-02-21', TRUE, 543),
  ('wales', DATE '2020-02-22', FALSE, 543),
  ('wales', DATE '2020-02-23', FALSE, 543),
  ('wales', DATE '2020-02-24', TRUE, 544),
  ('wales', DATE '2020-02-25', TRUE, 545),
  ('wales', DATE '2020-02-26', TRUE, 546),
  ('wales', DATE '2020-02-27', TRUE, 547),
  ('wales', DATE '2020-02-28', TRUE, 548),
  ('wales', DATE '2020-02-29', FALSE, 548),
  ('wales', DATE '2020-03-01', FALSE, 548),
  ('wales', DATE '2020-03-02', TRUE, 549),
  ('wales', DATE '2020-03-03', TRUE, 550),
  ('wales', DATE '2020-03-04', TRUE, 551),
  ('wales', DATE '2020-03-05', TRUE, 552),
  ('wales', DATE '2020-03-06', TRUE, 553),
  ('wales', DATE '2020-03-07', FALSE, 553),
  ('wales', DATE '2020-03-08', FALSE, 553),
  ('wales', DATE '2020-03-09', TRUE, 554),
  ('wales', DATE '2020-03-10', TRUE, 555),
  ('wales', DATE '2020-03-11', TRUE, 556),
  ('wales', DATE '2020-03-12', TRUE, 557),
  ('wales', DATE '2020-03-13', TRUE, 558),
  ('wales', DATE '2020-03-14', FALSE, 558),
  ('wales', DATE '2020-03-15', FALSE, 558),
  ('wales', DATE '2020-03-16', TRUE, 559),
  ('wales', DATE '2020-03-17', TRUE, 560),
  ('wales', DATE '2020-03-18', TRUE, 561),
  ('wales', DATE '2020-03-19', TRUE, 562),
  ('wales', DATE '2020-03-20', TRUE, 563),
  ('wales', DATE '2020-03-21', FALSE, 563),
  ('wales', DATE '2020-03-22', FALSE, 563),
  ('wales', DATE '2020-03-23', TRUE, 564),
  ('wales', DATE '2020-03-24', TRUE, 565),
  ('wales', DATE '2020-03-25', TRUE, 566),
  ('wales', DATE '2020-03-26', TRUE, 567),
  ('wales', DATE '2020-03-27', TRUE, 568),
  ('wales', DATE '2020-03-28', FALSE, 568),
  ('wales', DATE '2020-03-29', FALSE, 568),
  ('wales', DATE '2020-03-30', TRUE, 569),
  ('wales', DATE '2020-03-31', TRUE, 570),
  ('wales', DATE '2020-04-01', TRUE, 571),
  ('wales', DATE '2020-04-02', TRUE, 572),
  ('wales', DATE '2020-04-03', TRUE, 573),
  ('wales', DATE '2020-04-04', FALSE, 573),
  ('wales', DATE '2020-04-05', FALSE, 573),
  ('wales', DATE '2020-04-06', TRUE, 574),
  ('wales', DATE '2020-04-07', TRUE, 575),
  ('wales', DATE '2020-04-08', TRUE, 576),
  ('wales', DATE '2020-04-09', TRUE, 577),
  ('wales', DATE '2020-04-10', FALSE, 577),
  ('wales', DATE '2020-04-11', FALSE, 577),
  ('wales', DATE '2020-04-12', FALSE, 577),
  ('wales', DATE '2020-04-13', FALSE, 577),
  ('wales', DATE '2020-04-14', TRUE, 578),
  ('wales', DATE '2020-04-15', TRUE, 579),
  ('wales', DATE '2020-04-16', TRUE, 580),
  ('wales', DATE '2020-04-17', TRUE, 581),
  ('wales', DATE '2020-04-18', FALSE, 581),
  ('wales', DATE '2020-04-19', FALSE, 581),
  ('wales', DATE '2020-04-20', TRUE, 582),
  ('wales', DATE '2020-04-21', TRUE, 583),
  ('wales', DATE '2020-04-22', TRUE, 584),
  ('wales', DATE '2020-04-23', TRUE, 585),
  ('wales', DATE '2020-04-24', TRUE, 586),
  ('wales', DATE '2020-04-25', FALSE, 586),
  ('wales', DATE '2020-04-26', FALSE, 586),
  ('wales', DATE '2020-04-27', TRUE, 587),
  ('wales', DATE '2020-04-28', TRUE, 588),
  ('wales', DATE '2020-04-29', TRUE, 589),
  ('wales', DATE '2020-04-30', TRUE, 590),
  ('wales', DATE '2020-05-01', TRUE, 591),
  ('wales', DATE '2020-05-02', FALSE, 591),
  ('wales', DATE '2020-05-03', FALSE, 591),
  ('wales', DATE '2020-05-04', TRUE, 592),
  ('wales', DATE '2020-05-05', TRUE, 593),
  ('wales', DATE '2020-05-06', TRUE, 594),
  ('wales', DATE '2020-05-07', TRUE, 595),
  ('wales', DATE '2020-05-08', FALSE, 595),
  ('wales', DATE '2020-05-09', FALSE, 595),
  ('wales', DATE '2020-05-10', FALSE, 595),
  ('wales', DATE '2020-05-11', TRUE, 596),
  ('wales', DATE '2020-05-12', TRUE, 597),
  ('wales', DATE '2020-05-13', TRUE, 598),
  ('wales', DATE '2020-05-14', TRUE, 599),
  ('wales', DATE '2020-05-15', TRUE, 600),
  ('wales', DATE '2020-05-16', FALSE, 600),
  ('wales', DATE '2020-05-17', FALSE, 600),
  ('wales', DATE '2020-05-18', TRUE, 601),
  ('wales', DATE '2020-05-19', TRUE, 602),
  ('wales', DATE '2020-05-20', TRUE, 603),
  ('wales', DATE '2020-05-21', TRUE, 604),
  ('wales', DATE '2020-05-22', TRUE, 605),
  ('wales', DATE '2020-05-23', FALSE, 605),
  ('wales', DATE '2020-05-24', FALSE, 605),
  ('wales', DATE '2020-05-25', FALSE, 605),
  ('wales', DATE '2020-05-26', TRUE, 606),
  ('wales', DATE '2020-05-27', TRUE, 607),
  ('wales', DATE '2020-05-28', TRUE, 608),
  ('wales', DATE '2020-05-29', TRUE, 609),
  ('wales', DATE '2020-05-30', FALSE, 609),
  ('wales', DATE '2020-05-31', FALSE, 609),
  ('wales', DATE '2020-06-01', TRUE, 610),
  ('wales', DATE '2020-06-02', TRUE, 611),
  ('wales', DATE '2020-06-03', TRUE, 612),
  ('wales', DATE '2020-06-04', TRUE, 613),
  ('wales', DATE '2020-06-05', TRUE, 614),
  ('wales', DATE '2020-06-06', FALSE, 614),
  ('wales', DATE '2020-06-07', FALSE, 614),
  ('wales', DATE '2020-06-08', TRUE, 615),
  ('wales', DATE '2020-06-09', TRUE, 616),
  ('wales', DATE '2020-06-10', TRUE, 617),
  ('wales', DATE '2020-06-11', TRUE, 618),
  ('wales', DATE '2020-06-12', TRUE, 619),
  ('wales', DATE '2020-06-13', FALSE, 619),
  ('wales', DATE '2020-06-14', FALSE, 619),
  ('wales', DATE '2020-06-15', TRUE, 620),
  ('wales', DATE '2020-06-16', TRUE, 621),
  ('wales', DATE '2020-06-17', TRUE, 622),
  ('wales', DATE '2020-06-18', TRUE, 623),
  ('wales', DATE '2020-06-19', TRUE, 624),
  ('wales', DATE '2020-06-20', FALSE, 624),
  ('wales', DATE '2020-06-21', FALSE, 624),
  ('wales', DATE '2020-06-22', TRUE, 625),
  ('wales', DATE '2020-06-23', TRUE, 626),
  ('wales', DATE '2020-06-24', TRUE, 627),
  ('wales', DATE '2020-06-25', TRUE, 628),
  ('wales', DATE '2020-06-26', TRUE, 629),
  ('wales', DATE '2020-06-27', FALSE, 629),
  ('wales', DATE '2020-06-28', FALSE, 629),
  ('wales', DATE '2020-06-29', TRUE, 630),
  ('wales', DATE '2020-06-30', TRUE, 631),
  ('wales', DATE '2020-07-01', TRUE, 632),
  ('wales', DATE '2020-07-02', TRUE, 633),
  ('wales', DATE '2020-07-03', TRUE, 634),
  ('wales', DATE '2020-07-04', FALSE, 634),
  ('wales', DATE '2020-07-05', FALSE, 634),
  ('wales', DATE '2020-07-06', TRUE, 635),
  ('wales', DATE '2020-07-07', TRUE, 636),
  ('wales', DATE '2020-07-08', TRUE, 637),
  ('wales', DATE '2020-07-09', TRUE, 638),
  ('wales', DATE '2020-07-10', TRUE, 639),
  ('wales', DATE '2020-07-11', FALSE, 639),
  ('wales', DATE '2020-07-12', FALSE, 639),
  ('wales', DATE '2020-07-13', TRUE, 640),
  ('wales', DATE '2020-07-14', TRUE, 641),
  ('wales', DATE '2020-07-15', TRUE, 642),
  ('wales', DATE '2020-07-16', TRUE, 643),
  ('wales', DATE '2020-07-17', TRUE, 644),
  ('wales', DATE '2020-07-18', FALSE, 644),
  ('wales', DATE '2020-07-19', FALSE, 644),
  ('wales', DATE '2020-07-20', TRUE, 645),
  ('wales', DATE '2020-07-21', TRUE, 646),
  ('wales', DATE '2020-07-22', TRUE, 647),
  ('wales', DATE '2020-07-23', TRUE, 648),
  ('wales', DATE '2020-07-24', TRUE, 649),
  ('wales', DATE '2020-07-25', FALSE, 649),
  ('wales', DATE '2020-07-26', FALSE, 649),
  ('wales', DATE '2020-07-27', TRUE, 650),
  ('wales', DATE '2020-07-28', TRUE, 651),
  ('wales', DATE '2020-07-29', TRUE, 652),
  ('wales', DATE '2020-07-30', TRUE, 653),
  ('wales', DATE '2020-07-31', TRUE, 654),
  ('wales', DATE '2020-08-01', FALSE, 654),
  ('wales', DATE '2020-08-02', FALSE, 654),
  ('wales', DATE '2020-08-03', TRUE, 655),
  ('wales', DATE '2020-08-04', TRUE, 656),
  ('wales', DATE '2020-08-05', TRUE, 657),
  ('wales', DATE '2020-08-06', TRUE, 658),
  ('wales', DATE '2020-08-07', TRUE, 659),
  ('wales', DATE '2020-08-08', FALSE, 659),
  ('wales', DATE '2020-08-09', FALSE, 659),
  ('wales', DATE '2020-08-10', TRUE, 660),
  ('wales', DATE '2020-08-11', TRUE, 661),
  ('wales', DATE '2020-08-12', TRUE, 662),
  ('wales', DATE '2020-08-13', TRUE, 663),
  ('wales', DATE '2020-08-14', TRUE, 664),
  ('wales', DATE '2020-08-15', FALSE, 664),
  ('wales', DATE '2020-08-16', FALSE, 664),
  ('wales', DATE '2020-08-17', TRUE, 665),
  ('wales', DATE '2020-08-18', TRUE, 666),
  ('wales', DATE '2020-08-19', TRUE, 667),
  ('wales', DATE '2020-08-20', TRUE, 668),
  ('wales', DATE '2020-08-21', TRUE, 669),
  ('wales', DATE '2020-08-22', FALSE, 669),
  ('wales', DATE '2020-08-23', FALSE, 669),
  ('wales', DATE '2020-08-24', TRUE, 670),
  ('wales', DATE '2020-08-25', TRUE, 671),
  ('wales', DATE '2020-08-26', TRUE, 672),
  ('wales', DATE '2020-08-27', TRUE, 673),
  ('wales', DATE '2020-08-28', TRUE, 674),
  ('wales', DATE '2020-08-29', FALSE, 674),
  ('wales', DATE '2020-08-30', FALSE, 674),
  ('wales', DATE '2020-08-31', FALSE, 674),
  ('wales', DATE '2020-09-01', TRUE, 675),
  ('wales', DATE '2020-09-02', TRUE, 676),
  ('wales', DATE '2020-09-03', TRUE, 677),
  ('wales', DATE '2020-09-04', TRUE, 678),
  ('wales', DATE '2020-09-05', FALSE, 678),
  ('wales', DATE '2020-09-06', FALSE, 678),
  ('wales', DATE '2020-09-07', TRUE, 679),
  ('wales', DATE '2020-09-08', TRUE, 680),
  ('wales', DATE '2020-09-09', TRUE, 681),
  ('wales', DATE '2020-09-10', TRUE, 682),
  ('wales', DATE '2020-09-11', TRUE, 683),
  ('wales', DATE '2020-09-12', FALSE, 683),
  ('wales', DATE '2020-09-13', FALSE, 683),
  ('wales', DATE '2020-09-14', TRUE, 684),
  ('wales', DATE '2020-09-15', TRUE, 685),
  ('wales', DATE '2020-09-16', TRUE, 686),
  ('wales', DATE '2020-09-17', TRUE, 687),
  ('wales', DATE '2020-09-18', TRUE, 688),
  ('wales', DATE '2020-09-19', FALSE, 688),
  ('wales', DATE '2020-09-20', FALSE, 688),
  ('wales', DATE '2020-09-21', TRUE, 689),
  ('wales', DATE '2020-09-22', TRUE, 690),
  ('wales', DATE '2020-09-23', TRUE, 691),
  ('wales', DATE '2020-09-24', TRUE, 692),
  ('wales', DATE '2020-09-25', TRUE, 693),
  ('wales', DATE '2020-09-26', FALSE, 693),
  ('wales', DATE '2020-09-27', FALSE, 693),
  ('wales', DATE '2020-09-28', TRUE, 694),
  ('wales', DATE '2020-09-29', TRUE, 695),
  ('wales', DATE '2020-09-30', TRUE, 696),
  ('wales', DATE '2020-10-01', TRUE, 697),
  ('wales', DATE '2020-10-02', TRUE, 698),
  ('wales', DATE '2020-10-03', FALSE, 698),
  ('wales', DATE '2020-10-04', FALSE, 698),
  ('wales', DATE '2020-10-05', TRUE, 699),
  ('wales', DATE '2020-10-06', TRUE, 700),
  ('wales', DATE '2020-10-07', TRUE, 701),
  ('wales', DATE '2020-10-08', TRUE, 702),
  ('wales', DATE '2020-10-09', TRUE, 703),
  ('wales', DATE '2020-10-10', FALSE, 703),
  ('wales', DATE '2020-10-11', FALSE, 703),
  ('wales', DATE '2020-10-12', TRUE, 704),
  ('wales', DATE '2020-10-13', TRUE, 705),
  ('wales', DATE '2020-10-14', TRUE, 706),
  ('wales', DATE '2020-10-15', TRUE, 707),
  ('wales', DATE '2020-10-16', TRUE, 708),
  ('wales', DATE '2020-10-17', FALSE, 708),
  ('wales', DATE '2020-10-18', FALSE, 708),
  ('wales', DATE '2020-10-19', TRUE, 709),
  ('wales', DATE '2020-10-20', TRUE, 710),
  ('wales', DATE '2020-10-21', TRUE, 711),
  ('wales', DATE '2020-10-22', TRUE, 712),
  ('wales', DATE '2020-10-23', TRUE, 713),
  ('wales', DATE '2020-10-24', FALSE, 713),
  ('wales', DATE '2020-10-25', FALSE, 713),
  ('wales', DATE '2020-10-26', TRUE, 714),
  ('wales', DATE '2020-10-27', TRUE, 715),
  ('wales', DATE '2020-10-28', TRUE, 716),
  ('wales', DATE '2020-10-29', TRUE, 717),
  ('wales', DATE '2020-10-30', TRUE, 718),
  ('wales', DATE '2020-10-31', FALSE, 718),
  ('wales', DATE '2020-11-01', FALSE, 718),
  ('wales', DATE '2020-11-02', TRUE, 719),
  ('wales', DATE '2020-11-03', TRUE, 720),
  ('wales', DATE '2020-11-04', TRUE, 721),
  ('wales', DATE '2020-11-05', TRUE, 722),
  ('wales', DATE '2020-11-06', TRUE, 723),
  ('wales', DATE '2020-11-07', FALSE, 723),
  ('wales', DATE '2020-11-08', FALSE, 723),
  ('wales', DATE '2020-11-09', TRUE, 724),
  ('wales', DATE '2020-11-10', TRUE, 725),
  ('wales', DATE '2020-11-11', TRUE, 726),
  ('wales', DATE '2020-11-12', TRUE, 727),
  ('wales', DATE '2020-11-13', TRUE, 728),
  ('wales', DATE '2020-11-14', FALSE, 728),
  ('wales', DATE '2020-11-15', FALSE, 728),
  ('wales', DATE '2020-11-16', TRUE, 729),
  ('wales', DATE '2020-11-17', TRUE, 730),
  ('wales', DATE '2020-11-18', TRUE, 731),
  ('wales', DATE '2020-11-19', TRUE, 732),
  ('wales', DATE '2020-11-20', TRUE, 733),
  ('wales', DATE '2020-11-21', FALSE, 733),
  ('wales', DATE '2020-11-22', FALSE, 733),
  ('wales', DATE '2020-11-23', TRUE, 734),
  ('wales', DATE '2020-11-24', TRUE, 735),
  ('wales', DATE '2020-11-25', TRUE, 736),
  ('wales', DATE '2020-11-26', TRUE, 737),
  ('wales', DATE '2020-11-27', TRUE, 738),
  ('wales', DATE '2020-11-28', FALSE, 738),
  ('wales', DATE '2020-11-29', FALSE, 738),
  ('wales', DATE '2020-11-30', TRUE, 739),
  ('wales', DATE '2020-12-01', TRUE, 740),
  ('wales', DATE '2020-12-02', TRUE, 741),
  ('wales', DATE '2020-12-03', TRUE, 742),
  ('wales', DATE '2020-12-04', TRUE, 743),
  ('wales', DATE '2020-12-05', FALSE, 743),
  ('wales', DATE '2020-12-06', FALSE, 743),
  ('wales', DATE '2020-12-07', TRUE, 744),
  ('wales', DATE '2020-12-08', TRUE, 745),
  ('wales', DATE '2020-12-09', TRUE, 746),
  ('wales', DATE '2020-12-10', TRUE, 747),
  ('wales', DATE '2020-12-11', TRUE, 748),
  ('wales', DATE '2020-12-12', FALSE, 748),
  ('wales', DATE '2020-12-13', FALSE, 748),
  ('wales', DATE '2020-12-14', TRUE, 749),
  ('wales', DATE '2020-12-15', TRUE, 750),
  ('wales', DATE '2020-12-16', TRUE, 751),
  ('wales', DATE '2020-12-17', TRUE, 752),
  ('wales', DATE '2020-12-18', TRUE, 753),
  ('wales', DATE '2020-12-19', FALSE, 753),
  ('wales', DATE '2020-12-20', FALSE, 753),
  ('wales', DATE '2020-12-21', TRUE, 754),
  ('wales', DATE '2020-12-22', TRUE, 755),
  ('wales', DATE '2020-12-23', TRUE, 756),
  ('wales', DATE '2020-12-24', TRUE, 757),
  ('wales', DATE '2020-12-25', FALSE, 757),
  ('wales', DATE '2020-12-26', FALSE, 757),
  ('wales', DATE '2020-12-27', FALSE, 757),
  ('wales', DATE '2020-12-28', FALSE, 757),
  ('wales', DATE '2020-12-29', TRUE, 758),
  ('wales', DATE '2020-12-30', TRUE, 759),
  ('wales', DATE '2020-12-31', TRUE, 760),
  ('wales', DATE '2021-01-01', FALSE, 760),
  ('wales', DATE '2021-01-02', FALSE, 760),
  ('wales', DATE '2021-01-03', FALSE, 760),
  ('wales', DATE '2021-01-04', TRUE, 761),
  ('wales', DATE '2021-01-05', TRUE, 762),
  ('wales', DATE '2021-01-06', TRUE, 763),
  ('wales', DATE '2021-01-07', TRUE, 764),
  ('wales', DATE '2021-01-08', TRUE, 765),
  ('wales', DATE '2021-01-09', FALSE, 765),
  ('wales', DATE '2021-01-10', FALSE, 765),
  ('wales', DATE '2021-01-11', TRUE, 766),
  ('wales', DATE '2021-01-12', TRUE, 767),
  ('wales', DATE '2021-01-13', TRUE, 768),
  ('wales', DATE '2021-01-14', TRUE, 769),
  ('wales', DATE '2021-01-15', TRUE, 770),
  ('wales', DATE '2021-01-16', FALSE, 770),
  ('wales', DATE '2021-01-17', FALSE, 770),
  ('wales', DATE '2021-01-18', TRUE, 771),
  ('wales', DATE '2021-01-19', TRUE, 772),
  ('wales', DATE '2021-01-20', TRUE, 773),
  ('wales', DATE '2021-01-21', TRUE, 774),
  ('wales', DATE '2021-01-22', TRUE, 775),
  ('wales', DATE '2021-01-23', FALSE, 775),
  ('wales', DATE '2021-01-24', FALSE, 775),
  ('wales', DATE '2021-01-25', TRUE, 776),
  ('wales', DATE '2021-01-26', TRUE, 777),
  ('wales', DATE '2021-01-27', TRUE, 778),
  ('wales', DATE '2021-01-28', TRUE, 779),
  ('wales', DATE '2021-01-29', TRUE, 780),
  ('wales', DATE '2021-01-30', FALSE, 780),
  ('wales', DATE '2021-01-31', FALSE, 780),
  ('wales', DATE '2021-02-01', TRUE, 781),
  ('wales', DATE '2021-02-02', TRUE, 782),
  ('wales', DATE '2021-02-03', TRUE, 783),
  ('wales', DATE '2021-02-04', TRUE, 784),
  ('wales', DATE '2021-02-05', TRUE, 785),
  ('wales', DATE '2021-02-06', FALSE, 785),
  ('wales', DATE '2021-02-07', FALSE, 785),
  ('wales', DATE '2021-02-08', TRUE, 786),
  ('wales', DATE '2021-02-09', TRUE, 787),
  ('wales', DATE '2021-02-10', TRUE, 788),
  ('wales', DATE '2021-02-11', TRUE, 789),
  ('wales', DATE '2021-02-12', TRUE, 790),
  ('wales', DATE '2021-02-13', FALSE, 790),
  ('wales', DATE '2021-02-14', FALSE, 790),
  ('wales', DATE '2021-02-15', TRUE, 791),
  ('wales', DATE '2021-02-16', TRUE, 792),
  ('wales', DATE '2021-02-17', TRUE, 793),
  ('wales', DATE '2021-02-18', TRUE, 794),
  ('wales', DATE '2021-02-19', TRUE, 795),
  ('wales', DATE '2021-02-20', FALSE, 795),
  ('wales', DATE '2021-02-21', FALSE, 795),
  ('wales', DATE '2021-02-22', TRUE, 796),
  ('wales', DATE '2021-02-23', TRUE, 797),
  ('wales', DATE '2021-02-24', TRUE, 798),
  ('wales', DATE '2021-02-25', TRUE, 799),
  ('wales', DATE '2021-02-26', TRUE, 800),
  ('wales', DATE '2021-02-27', FALSE, 800),
  ('wales', DATE '2021-02-28', FALSE, 800),
  ('wales', DATE '2021-03-01', TRUE, 801),
  ('wales', DATE '2021-03-02', TRUE, 802),
  ('wales', DATE '2021-03-03', TRUE, 803),
  ('wales', DATE '2021-03-04', TRUE, 804),
  ('wales', DATE '2021-03-05', TRUE, 805),
  ('wales', DATE '2021-03-06', FALSE, 805),
  ('wales', DATE '2021-03-07', FALSE, 805),
  ('wales', DATE '2021-03-08', TRUE, 806),
  ('wales', DATE '2021-03-09', TRUE, 807),
  ('wales', DATE '2021-03-10', TRUE, 808),
  ('wales', DATE '2021-03-11', TRUE, 809),
  ('wales', DATE '2021-03-12', TRUE, 810),
  ('wales', DATE '2021-03-13', FALSE, 810),
  ('wales', DATE '2021-03-14', FALSE, 810),
  ('wales', DATE '2021-03-15', TRUE, 811),
  ('wales', DATE '2021-03-16', TRUE, 812),
  ('wales', DATE '2021-03-17', TRUE, 813),
  ('wales', DATE '2021-03-18', TRUE, 814),
  ('wales', DATE '2021-03-19', TRUE, 815),
  ('wales', DATE '2021-03-20', FALSE, 815),
  ('wales', DATE '2021-03-21', FALSE, 815),
  ('wales', DATE '2021-03-22', TRUE, 816),
  ('wales', DATE '2021-03-23', TRUE, 817),
  ('wales', DATE '2021-03-24', TRUE, 818),
  ('wales', DATE '2021-03-25', TRUE, 819),
  ('wales', DATE '2021-03-26', TRUE, 820),
  ('wales', DATE '2021-03-27', FALSE, 820),
  ('wales', DATE '2021-03-28', FALSE, 820),
  ('wales', DATE '2021-03-29', TRUE, 821),
  ('wales', DATE '2021-03-30', TRUE, 822),
  ('wales', DATE '2021-03-31', TRUE, 823),
  ('wales', DATE '2021-04-01', TRUE, 824),
  ('wales', DATE '2021-04-02', FALSE, 824),
  ('wales', DATE '2021-04-03', FALSE, 824),
  ('wales', DATE '2021-04-04', FALSE, 824),
  ('wales', DATE '2021-04-05', FALSE, 824),
  ('wales', DATE '2021-04-06', TRUE, 825),
  ('wales', DATE '2021-04-07', TRUE, 826),
  ('wales', DATE '2021-04-08', TRUE, 827),
  ('wales', DATE '2021-04-09', TRUE, 828),
  ('wales', DATE '2021-04-10', FALSE, 828),
  ('wales', DATE '2021-04-11', FALSE, 828),
  ('wales', DATE '2021-04-12', TRUE, 829),
  ('wales', DATE '2021-04-13', TRUE, 830),
  ('wales', DATE '2021-04-14', TRUE, 831),
  ('wales', DATE '2021-04-15', TRUE, 832),
  ('wales', DATE '2021-04-16', TRUE, 833),
  ('wales', DATE '2021-04-17', FALSE, 833),
  ('wales', DATE '2021-04-18', FALSE, 833),
  ('wales', DATE '2021-04-19', TRUE, 834),
  ('wales', DATE '2021-04-20', TRUE, 835),
  ('wales', DATE '2021-04-21', TRUE, 836),
  ('wales', DATE '2021-04-22', TRUE, 837),
  ('wales', DATE '2021-04-23', TRUE, 838),
  ('wales', DATE '2021-04-24', FALSE, 838),
  ('wales', DATE '2021-04-25', FALSE, 838),
  ('wales', DATE '2021-04-26', TRUE, 839),
  ('wales', DATE '2021-04-27', TRUE, 840),
  ('wales', DATE '2021-04-28', TRUE, 841),
  ('wales', DATE '2021-04-29', TRUE, 842),
  ('wales', DATE '2021-04-30', TRUE, 843),
  ('wales', DATE '2021-05-01', FALSE, 843),
  ('wales', DATE '2021-05-02', FALSE, 843),
  ('wales', DATE '2021-05-03', FALSE, 843),
  ('wales', DATE '2021-05-04', TRUE, 844),
  ('wales', DATE '2021-05-05', TRUE, 845),
  ('wales', DATE '2021-05-06', TRUE, 846),
  ('wales', DATE '2021-05-07', TRUE, 847),
  ('wales', DATE '2021-05-08', FALSE, 847),
  ('wales', DATE '2021-05-09', FALSE, 847),
  ('wales', DATE '2021-05-10', TRUE, 848),
  ('wales', DATE '2021-05-11', TRUE, 849),
  ('wales', DATE '2021-05-12', TRUE, 850),
  ('wales', DATE '2021-05-13', TRUE, 851),
  ('wales', DATE '2021-05-14', TRUE, 852),
  ('wales', DATE '2021-05-15', FALSE, 852),
  ('wales', DATE '2021-05-16', FALSE, 852),
  ('wales', DATE '2021-05-17', TRUE, 853),
  ('wales', DATE '2021-05-18', TRUE, 854),
  ('wales', DATE '2021-05-19', TRUE, 855),
  ('wales', DATE '2021-05-20', TRUE, 856),
  ('wales', DATE '2021-05-21', TRUE, 857),
  ('wales', DATE '2021-05-22', FALSE, 857),
  ('wales', DATE '2021-05-23', FALSE, 857),
  ('wales', DATE '2021-05-24', TRUE, 858),
  ('wales', DATE '2021-05-25', TRUE, 859),
  ('wales', DATE '2021-05-26', TRUE, 860),
  ('wales', DATE '2021-05-27', TRUE, 861),
  ('wales', DATE '2021-05-28', TRUE, 862),
  ('wales', DATE '2021-05-29', FALSE, 862),
  ('wales', DATE '2021-05-30', FALSE, 862),
  ('wales', DATE '2021-05-31', FALSE, 862),
  ('wales', DATE '2021-06-01', TRUE, 863),
  ('wales', DATE '2021-06-02', TRUE, 864),
  ('wales', DATE '2021-06-03', TRUE, 865),
  ('wales', DATE '2021-06-04', TRUE, 866),
  ('wales', DATE '2021-06-05', FALSE, 866),
  ('wales', DATE '2021-06-06', FALSE, 866),
  ('wales', DATE '2021-06-07', TRUE, 867),
  ('wales', DATE '2021-06-08', TRUE, 868),
  ('wales', DATE '2021-06-09', TRUE, 869),
  ('wales', DATE '2021-06-10', TRUE, 870),
  ('wales', DATE '2021-06-11', TRUE, 871),
  ('wales', DATE '2021-06-12', FALSE, 871),
  ('wales', DATE '2021-06-13', FALSE, 871),
  ('wales', DATE '2021-06-14', TRUE, 872),
  ('wales', DATE '2021-06-15', TRUE, 873),
  ('wales', DATE '2021-06-16', TRUE, 874),
  ('wales', DATE '2021-06-17', TRUE, 875),
  ('wales', DATE '2021-06-18', TRUE, 876),
  ('wales', DATE '2021-06-19', FALSE, 876),
  ('wales', DATE '2021-06-20', FALSE, 876),
  ('wales', DATE '2021-06-21', TRUE, 877),
  ('wales', DATE '2021-06-22', TRUE, 878),
  ('wales', DATE '2021-06-23', TRUE, 879),
  ('wales', DATE '2021-06-24', TRUE, 880),
  ('wales', DATE '2021-06-25', TRUE, 881),
  ('wales', DATE '2021-06-26', FALSE, 881),
  ('wales', DATE '2021-06-27', FALSE, 881),
  ('wales', DATE '2021-06-28', TRUE, 882),
  ('wales', DATE '2021-06-29', TRUE, 883),
  ('wales', DATE '2021-06-30', TRUE, 884),
  ('wales', DATE '2021-07-01', TRUE, 885),
  ('wales', DATE '2021-07-02', TRUE, 886),
  ('wales', DATE '2021-07-03', FALSE, 886),
  ('wales', DATE '2021-07-04', FALSE, 886),
  ('wales', DATE '2021-07-05', TRUE, 887),
  ('wales', DATE '2021-07-06', TRUE, 888),
  ('wales', DATE '2021-07-07', TRUE, 889),
  ('wales', DATE '2021-07-08', TRUE, 890),
  ('wales', DATE '2021-07-09', TRUE, 891),
  ('wales', DATE '2021-07-10', FALSE, 891),
  ('wales', DATE '2021-07-11', FALSE, 891),
  ('wales', DATE '2021-07-12', TRUE, 892),
  ('wales', DATE '2021-07-13', TRUE, 893),
  ('wales', DATE '2021-07-14', TRUE, 894),
  ('wales', DATE '2021-07-15', TRUE, 895),
  ('wales', DATE '2021-07-16', TRUE, 896),
  ('wales', DATE '2021-07-17', FALSE, 896),
  ('wales', DATE '2021-07-18', FALSE, 896),
  ('wales', DATE '2021-07-19', TRUE, 897),
  ('wales', DATE '2021-07-20', TRUE, 898),
  ('wales', DATE '2021-07-21', TRUE, 899),
  ('wales', DATE '2021-07-22', TRUE, 900),
  ('wales', DATE '2021-07-23', TRUE, 901),
  ('wales', DATE '2021-07-24', FALSE, 901),
  ('wales', DATE '2021-07-25', FALSE, 901),
  ('wales', DATE '2021-07-26', TRUE, 902),
  ('wales', DATE '2021-07-27', TRUE, 903),
  ('wales', DATE '2021-07-28', TRUE, 904),
  ('wales', DATE '2021-07-29', TRUE, 905),
  ('wales', DATE '2021-07-30', TRUE, 906),
  ('wales', DATE '2021-07-31', FALSE, 906),
  ('wales', DATE '2021-08-01', FALSE, 906),
  ('wales', DATE '2021-08-02', TRUE, 907),
  ('wales', DATE '2021-08-03', TRUE, 908),
  ('wales', DATE '2021-08-04', TRUE, 909),
  ('wales', DATE '2021-08-05', TRUE, 910),
  ('wales', DATE '2021-08-06', TRUE, 911),
  ('wales', DATE '2021-08-07', FALSE, 911),
  ('wales', DATE '2021-08-08', FALSE, 911),
  ('wales', DATE '2021-08-09', TRUE, 912),
  ('wales', DATE '2021-08-10', TRUE, 913),
  ('wales', DATE '2021-08-11', TRUE, 914),
  ('wales', DATE '2021-08-12', TRUE, 915),
  ('wales', DATE '2021-08-13', TRUE, 916),
  ('wales', DATE '2021-08-14', FALSE, 916),
  ('wales', DATE '2021-08-15', FALSE, 916),
  ('wales', DATE '2021-08-16', TRUE, 917),
  ('wales', DATE '2021-08-17', TRUE, 918),
  ('wales', DATE '2021-08-18', TRUE, 919),
  ('wales', DATE '2021-08-19', TRUE, 920),
  ('wales', DATE '2021-08-20', TRUE, 921),
  ('wales', DATE '2021-08-21', FALSE, 921),
  ('wales', DATE '2021-08-22', FALSE, 921),
  ('wales', DATE '2021-08-23', TRUE, 922),
  ('wales', DATE '2021-08-24', TRUE, 923),
  ('wales', DATE '2021-08-25', TRUE, 924),
  ('wales', DATE '2021-08-26', TRUE, 925),
  ('wales', DATE '2021-08-27', TRUE, 926),
  ('wales', DATE '2021-08-28', FALSE, 926),
  ('wales', DATE '2021-08-29', FALSE, 926),
  ('wales', DATE '2021-08-30', FALSE, 926),
  ('wales', DATE '2021-08-31', TRUE, 927),
  ('wales', DATE '2021-09-01', TRUE, 928),
  ('wales', DATE '2021-09-02', TRUE, 929),
  ('wales', DATE '2021-09-03', TRUE, 930),
  ('wales', DATE '2021-09-04', FALSE, 930),
  ('wales', DATE '2021-09-05', FALSE, 930),
  ('wales', DATE '2021-09-06', TRUE, 931),
  ('wales', DATE '2021-09-07', TRUE, 932),
  ('wales', DATE '2021-09-08', TRUE, 933),
  ('wales', DATE '2021-09-09', TRUE, 934),
  ('wales', DATE '2021-09-10', TRUE, 935),
  ('wales', DATE '2021-09-11', FALSE, 935),
  ('wales', DATE '2021-09-12', FALSE, 935),
  ('wales', DATE '2021-09-13', TRUE, 936),
  ('wales', DATE '2021-09-14', TRUE, 937),
  ('wales', DATE '2021-09-15', TRUE, 938),
  ('wales', DATE '2021-09-16', TRUE, 939),
  ('wales', DATE '2021-09-17', TRUE, 940),
  ('wales', DATE '2021-09-18', FALSE, 940),
  ('wales', DATE '2021-09-19', FALSE, 940),
  ('wales', DATE '2021-09-20', TRUE, 941),
  ('wales', DATE '2021-09-21', TRUE, 942),
  ('wales', DATE '2021-09-22', TRUE, 943),
  ('wales', DATE '2021-09-23', TRUE, 944),
  ('wales', DATE '2021-09-24', TRUE, 945),
  ('wales', DATE '2021-09-25', FALSE, 945),
  ('wales', DATE '2021-09-26', FALSE, 945),
  ('wales', DATE '2021-09-27', TRUE, 946),
  ('wales', DATE '2021-09-28', TRUE, 947),
  ('wales', DATE '2021-09-29', TRUE, 948),
  ('wales', DATE '2021-09-30', TRUE, 949),
  ('wales', DATE '2021-10-01', TRUE, 950),
  ('wales', DATE '2021-10-02', FALSE, 950),
  ('wales', DATE '2021-10-03', FALSE, 950),
  ('wales', DATE '2021-10-04', TRUE, 951),
  ('wales', DATE '2021-10-05', TRUE, 952),
  ('wales', DATE '2021-10-06', TRUE, 953),
  ('wales', DATE '2021-10-07', TRUE, 954),
  ('wales', DATE '2021-10-08', TRUE, 955),
  ('wales', DATE '2021-10-09', FALSE, 955),
  ('wales', DATE '2021-10-10', FALSE, 955),
  ('wales', DATE '2021-10-11', TRUE, 956),
  ('wales', DATE '2021-10-12', TRUE, 957),
  ('wales', DATE '2021-10-13', TRUE, 958),
  ('wales', DATE '2021-10-14', TRUE, 959),
  ('wales', DATE '2021-10-15', TRUE, 960),
  ('wales', DATE '2021-10-16', FALSE, 960),
  ('wales', DATE '2021-10-17', FALSE, 960),
  ('wales', DATE '2021-10-18', TRUE, 961),
  ('wales', DATE '2021-10-19', TRUE, 962),
  ('wales', DATE '2021-10-20', TRUE, 963),
  ('wales', DATE '2021-10-21', TRUE, 964),
  ('wales', DATE '2021-10-22', TRUE, 965),
  ('wales', DATE '2021-10-23', FALSE, 965),
  ('wales', DATE '2021-10-24', FALSE, 965),
  ('wales', DATE '2021-10-25', TRUE, 966),
  ('wales', DATE '2021-10-26', TRUE, 967),
  ('wales', DATE '2021-10-27', TRUE, 968),
  ('wales', DATE '2021-10-28', TRUE, 969),
  ('wales', DATE '2021-10-29', TRUE, 970),
  ('wales', DATE '2021-10-30', FALSE, 970),
  ('wales', DATE '2021-10-31', FALSE, 970),
  ('wales', DATE '2021-11-01', TRUE, 971),
  ('wales', DATE '2021-11-02', TRUE, 972),
  ('wales', DATE '2021-11-03', TRUE, 973),
  ('wales', DATE '2021-11-04', TRUE, 974),
  ('wales', DATE '2021-11-05', TRUE, 975),
  ('wales', DATE '2021-11-06', FALSE, 975),
  ('wales', DATE '2021-11-07', FALSE, 975),
  ('wales', DATE '2021-11-08', TRUE, 976),
  ('wales', DATE '2021-11-09', TRUE, 977),
  ('wales', DATE '2021-11-10', TRUE, 978),
  ('wales', DATE '2021-11-11', TRUE, 979),
  ('wales', DATE '2021-11-12', TRUE, 980),
  ('wales', DATE '2021-11-13', FALSE, 980),
  ('wales', DATE '2021-11-14', FALSE, 980),
  ('wales', DATE '2021-11-15', TRUE, 981),
  ('wales', DATE '2021-11-16', TRUE, 982),
  ('wales', DATE '2021-11-17', TRUE, 983),
  ('wales', DATE '2021-11-18', TRUE, 984),
  ('wales', DATE '2021-11-19', TRUE, 985),
  ('wales', DATE '2021-11-20', FALSE, 985),
  ('wales', DATE '2021-11-21', FALSE, 985),
  ('wales', DATE '2021-11-22', TRUE, 986),
  ('wales', DATE '2021-11-23', TRUE, 987),
  ('wales', DATE '2021-11-24', TRUE, 988),
  ('wales', DATE '2021-11-25', TRUE, 989),
  ('wales', DATE '2021-11-26', TRUE, 990),
  ('wales', DATE '2021-11-27', FALSE, 990),
  ('wales', DATE '2021-11-28', FALSE, 990),
  ('wales', DATE '2021-11-29', TRUE, 991),
  ('wales', DATE '2021-11-30', TRUE, 992),
  ('wales', DATE '2021-12-01', TRUE, 993),
  ('wales', DATE '2021-12-02', TRUE, 994),
  ('wales', DATE '2021-12-03', TRUE, 995),
  ('wales', DATE '2021-12-04', FALSE, 995),
  ('wales', DATE '2021-12-05', FALSE, 995),
  ('wales', DATE '2021-12-06', TRUE, 996),
  ('wales', DATE '2021-12-07', TRUE, 997),
  ('wales', DATE '2021-12-08', TRUE, 998),
  ('wales', DATE '2021-12-09', TRUE, 999),
  ('wales', DATE '2021-12-10', TRUE, 1000),
  ('wales', DATE '2021-12-11', FALSE, 1000),
  ('wales', DATE '2021-12-12', FALSE, 1000),
  ('wales', DATE '2021-12-13', TRUE, 1001),
  ('wales', DATE '2021-12-14', TRUE, 1002),
  ('wales', DATE '2021-12-15', TRUE, 1003),
  ('wales', DATE '2021-12-16', TRUE, 1004),
  ('wales', DATE '2021-12-17', TRUE, 1005),
  ('wales', DATE '2021-12-18', FALSE, 1005),
  ('wales', DATE '2021-12-19', FALSE, 1005),
  ('wales', DATE '2021-12-20', TRUE, 1006),
  ('wales', DATE '2021-12-21', TRUE, 1007),
  ('wales', DATE '2021-12-22', TRUE, 1008),
  ('wales', DATE '2021-12-23', TRUE, 1009),
  ('wales', DATE '2021-12-24', TRUE, 1010),
  ('wales', DATE '2021-12-25', FALSE, 1010),
  ('wales', DATE '2021-12-26', FALSE, 1010),
  ('wales', DATE '2021-12-27', FALSE, 1010),
  ('wales', DATE '2021-12-28', FALSE, 1010),
  ('wales', DATE '2021-12-29', TRUE, 1011),
  ('wales', DATE '2021-12-30', TRUE, 1012),
  ('wales', DATE '2021-12-31', TRUE, 1013),
  ('wales', DATE '2022-01-01', FALSE, 1013),
  ('wales', DATE '2022-01-02', FALSE, 1013),
  ('wales', DATE '2022-01-03', FALSE, 1013),
  ('wales', DATE '2022-01-04', TRUE, 1014),
  ('wales', DATE '2022-01-05', TRUE, 1015),
  ('wales', DATE '2022-01-06', TRUE, 1016),
  ('wales', DATE '2022-01-07', TRUE, 1017),
  ('wales', DATE '2022-01-08', FALSE, 1017),
  ('wales', DATE '2022-01-09', FALSE, 1017),
  ('wales', DATE '2022-01-10', TRUE, 1018),
  ('wales', DATE '2022-01-11', TRUE, 1019),
  ('wales', DATE '2022-01-12', TRUE, 1020),
  ('wales', DATE '2022-01-13', TRUE, 1021),
  ('wales', DATE '2022-01-14', TRUE, 1022),
  ('wales', DATE '2022-01-15', FALSE, 1022),
  ('wales', DATE '2022-01-16', FALSE, 1022),
  ('wales', DATE '2022-01-17', TRUE, 1023),
  ('wales', DATE '2022-01-18', TRUE, 1024),
  ('wales', DATE '2022-01-19', TRUE, 1025),
  ('wales', DATE '2022-01-20', TRUE, 1026),
  ('wales', DATE '2022-01-21', TRUE, 1027),
  ('wales', DATE '2022-01-22', FALSE, 1027),
  ('wales', DATE '2022-01-23', FALSE, 1027),
  ('wales', DATE '2022-01-24', TRUE, 1028),
  ('wales', DATE '2022-01-25', TRUE, 1029),
  ('wales', DATE '2022-01-26', TRUE, 1030),
  ('wales', DATE '2022-01-27', TRUE, 1031),
  ('wales', DATE '2022-01-28', TRUE, 1032),
  ('wales', DATE '2022-01-29', FALSE, 1032),
  ('wales', DATE '2022-01-30', FALSE, 1032),
  ('wales', DATE '2022-01-31', TRUE, 1033),
  ('wales', DATE '2022-02-01', TRUE, 1034),
  ('wales', DATE '2022-02-02', TRUE, 1035),
  ('wales', DATE '2022-02-03', TRUE, 1036),
  ('wales', DATE '2022-02-04', TRUE, 1037),
  ('wales', DATE '2022-02-05', FALSE, 1037),
  ('wales', DATE '2022-02-06', FALSE, 1037),
  ('wales', DATE '2022-02-07', TRUE, 1038),
  ('wales', DATE '2022-02-08', TRUE, 1039),
  ('wales', DATE '2022-02-09', TRUE, 1040),
  ('wales', DATE '2022-02-10', TRUE, 1041),
  ('wales', DATE '2022-02-11', TRUE, 1042),
  ('wales', DATE '2022-02-12', FALSE, 1042),
  ('wales', DATE '2022-02-13', FALSE, 1042),
  ('wales', DATE '2022-02-14', TRUE, 1043),
  ('wales', DATE '2022-02-15', TRUE, 1044),
  ('wales', DATE '2022-02-16', TRUE, 1045),
  ('wales', DATE '2022-02-17', TRUE, 1046),
  ('wales', DATE '2022-02-18', TRUE, 1047),
  ('wales', DATE '2022-02-19', FALSE, 1047),
  ('wales', DATE '2022-02-20', FALSE, 1047),
  ('wales', DATE '2022-02-21', TRUE, 1048),
  ('wales', DATE '2022-02-22', TRUE, 1049),
  ('wales', DATE '2022-02-23', TRUE, 1050),
  ('wales', DATE '2022-02-24', TRUE, 1051),
  ('wales', DATE '2022-02-25', TRUE, 1052),
  ('wales', DATE '2022-02-26', FALSE, 1052),
  ('wales', DATE '2022-02-27', FALSE, 1052),
  ('wales', DATE '2022-02-28', TRUE, 1053),
  ('wales', DATE '2022-03-01', TRUE, 1054),
  ('wales', DATE '2022-03-02', TRUE, 1055),
  ('wales', DATE '2022-03-03', TRUE, 1056),
  ('wales', DATE '2022-03-04', TRUE, 1057),
  ('wales', DATE '2022-03-05', FALSE, 1057),
  ('wales', DATE '2022-03-06', FALSE, 1057),
  ('wales', DATE '2022-03-07', TRUE, 1058),
  ('wales', DATE '2022-03-08', TRUE, 1059),
  ('wales', DATE '2022-03-09', TRUE, 1060),
  ('wales', DATE '2022-03-10', TRUE, 1061),
  ('wales', DATE '2022-03-11', TRUE, 1062),
  ('wales', DATE '2022-03-12', FALSE, 1062),
  ('wales', DATE '2022-03-13', FALSE, 1062),
  ('wales', DATE '2022-03-14', TRUE, 1063),
  ('wales', DATE '2022-03-15', TRUE, 1064),
  ('wales', DATE '2022-03-16', TRUE, 1065),
  ('wales', DATE '2022-03-17', TRUE, 1066),
  ('wales', DATE '2022-03-18', TRUE, 1067),
  ('wales', DATE '2022-03-19', FALSE, 1067),
  ('wales', DATE '2022-03-20', FALSE, 1067),
  ('wales', DATE '2022-03-21', TRUE, 1068),
  ('wales', DATE '2022-03-22', TRUE, 1069),
  ('wales', DATE '2022-03-23', TRUE, 1070),
  ('wales', DATE '2022-03-24', TRUE, 1071),
  ('wales', DATE '2022-03-25', TRUE, 1072),
  ('wales', DATE '2022-03-26', FALSE, 1072),
  ('wales', DATE '2022-03-27', FALSE, 1072),
  ('wales', DATE '2022-03-28', TRUE, 1073),
  ('wales', DATE '2022-03-29', TRUE, 1074),
  ('wales', DATE '2022-03-30', TRUE, 1075),
  ('wales', DATE '2022-03-31', TRUE, 1076),
  ('wales', DATE '2022-04-01', TRUE, 1077),
  ('wales', DATE '2022-04-02', FALSE, 1077),
  ('wales', DATE '2022-04-03', FALSE, 1077),
  ('wales', DATE '2022-04-04', TRUE, 1078),
  ('wales', DATE '2022-04-05', TRUE, 1079),
  ('wales', DATE '2022-04-06', TRUE, 1080),
  ('wales', DATE '2022-04-07', TRUE, 1081),
  ('wales', DATE '2022-04-08', TRUE, 1082),
  ('wales', DATE '2022-04-09', FALSE, 1082),
  ('wales', DATE '2022-04-10', FALSE, 1082),
  ('wales', DATE '2022-04-11', TRUE, 1083),
  ('wales', DATE '2022-04-12', TRUE, 1084),
  ('wales', DATE '2022-04-13', TRUE, 1085),
  ('wales', DATE '2022-04-14', TRUE, 1086),
  ('wales', DATE '2022-04-15', FALSE, 1086),
  ('wales', DATE '2022-04-16', FALSE, 1086),
  ('wales', DATE '2022-04-17', FALSE, 1086),
  ('wales', DATE '2022-04-18', FALSE, 1086),
  ('wales', DATE '2022-04-19', TRUE, 1087),
  ('wales', DATE '2022-04-20', TRUE, 1088),
  ('wales', DATE '2022-04-21', TRUE, 1089),
  ('wales', DATE '2022-04-22', TRUE, 1090),
  ('wales', DATE '2022-04-23', FALSE, 1090),
  ('wales', DATE '2022-04-24', FALSE, 1090),
  ('wales', DATE '2022-04-25', TRUE, 1091),
  ('wales', DATE '2022-04-26', TRUE, 1092),
  ('wales', DATE '2022-04-27', TRUE, 1093),
  ('wales', DATE '2022-04-28', TRUE, 1094),
  ('wales', DATE '2022-04-29', TRUE, 1095),
  ('wales', DATE '2022-04-30', FALSE, 1095),
  ('wales', DATE '2022-05-01', FALSE, 1095),
  ('wales', DATE '2022-05-02', FALSE, 1095),
  ('wales', DATE '2022-05-03', TRUE, 1096),
  ('wales', DATE '2022-05-04', TRUE, 1097),
  ('wales', DATE '2022-05-05', TRUE, 1098),
  ('wales', DATE '2022-05-06', TRUE, 1099),
  ('wales', DATE '2022-05-07', FALSE, 1099),
  ('wales', DATE '2022-05-08', FALSE, 1099),
  ('wales', DATE '2022-05-09', TRUE, 1100),
  ('wales', DATE '2022-05-10', TRUE, 1101),
  ('wales', DATE '2022-05-11', TRUE, 1102),
  ('wales', DATE '2022-05-12', TRUE, 1103),
  ('wales', DATE '2022-05-13', TRUE, 1104),
  ('wales', DATE '2022-05-14', FALSE, 1104),
  ('wales', DATE '2022-05-15', FALSE, 1104),
  ('wales', DATE '2022-05-16', TRUE, 1105),
  ('wales', DATE '2022-05-17', TRUE, 1106),
  ('wales', DATE '2022-05-18', TRUE, 1107),
  ('wales', DATE '2022-05-19', TRUE, 1108),
  ('wales', DATE '2022-05-20', TRUE, 1109),
  ('wales', DATE '2022-05-21', FALSE, 1109),
  ('wales', DATE '2022-05-22', FALSE, 1109),
  ('wales', DATE '2022-05-23', TRUE, 1110),
  ('wales', DATE '2022-05-24', TRUE, 1111),
  ('wales', DATE '2022-05-25', TRUE, 1112),
  ('wales', DATE '2022-05-26', TRUE, 1113),
  ('wales', DATE '2022-05-27', TRUE, 1114),
  ('wales', DATE '2022-05-28', FALSE, 1114),
  ('wales', DATE '2022-05-29', FALSE, 1114),
  ('wales', DATE '2022-05-30', TRUE, 1115),
  ('wales', DATE '2022-05-31', TRUE, 1116),
  ('wales', DATE '2022-06-01', TRUE, 1117),
  ('wales', DATE '2022-06-02', FALSE, 1117),
  ('wales', DATE '2022-06-03', FALSE, 1117),
  ('wales', DATE '2022-06-04', FALSE, 1117),
  ('wales', DATE '2022-06-05', FALSE, 1117),
  ('wales', DATE '2022-06-06', TRUE, 1118),
  ('wales', DATE '2022-06-07', TRUE, 1119),
  ('wales', DATE '2022-06-08', TRUE, 1120),
  ('wales', DATE '2022-06-09', TRUE, 1121),
  ('wales', DATE '2022-06-10', TRUE, 1122),
  ('wales', DATE '2022-06-11', FALSE, 1122),
  ('wales', DATE '2022-06-12', FALSE, 1122),
  ('wales', DATE '2022-06-13', TRUE, 1123),
  ('wales', DATE '2022-06-14', TRUE, 1124),
  ('wales', DATE '2022-06-15', TRUE, 1125),
  ('wales', DATE '2022-06-16', TRUE, 1126),
  ('wales', DATE '2022-06-17', TRUE, 1127),
  ('wales', DATE '2022-06-18', FALSE, 1127),
  ('wales', DATE '2022-06-19', FALSE, 1127),
  ('wales', DATE '2022-06-20', TRUE, 1128),
  ('wales', DATE '2022-06-21', TRUE, 1129),
  ('wales', DATE '2022-06-22', TRUE, 1130),
  ('wales', DATE '2022-06-23', TRUE, 1131),
  ('wales', DATE '2022-06-24', TRUE, 1132),
  ('wales', DATE '2022-06-25', FALSE, 1132),
  ('wales', DATE '2022-06-26', FALSE, 1132),
  ('wales', DATE '2022-06-27', TRUE, 1133),
  ('wales', DATE '2022-06-28', TRUE, 1134),
  ('wales', DATE '2022-06-29', TRUE, 1135),
  ('wales', DATE '2022-06-30', TRUE, 1136),
  ('wales', DATE '2022-07-01', TRUE, 1137),
  ('wales', DATE '2022-07-02', FALSE, 1137),
  ('wales', DATE '2022-07-03', FALSE, 1137),
  ('wales', DATE '2022-07-04', TRUE, 1138),
  ('wales', DATE '2022-07-05', TRUE, 1139),
  ('wales', DATE '2022-07-06', TRUE, 1140),
  ('wales', DATE '2022-07-07', TRUE, 1141),
  ('wales', DATE '2022-07-08', TRUE, 1142),
  ('wales', DATE '2022-07-09', FALSE, 1142),
  ('wales', DATE '2022-07-10', FALSE, 1142),
  ('wales', DATE '2022-07-11', TRUE, 1143),
  ('wales', DATE '2022-07-12', TRUE, 1144),
  ('wales', DATE '2022-07-13', TRUE, 1145),
  ('wales', DATE '2022-07-14', TRUE, 1146),
  ('wales', DATE '2022-07-15', TRUE, 1147),
  ('wales', DATE '2022-07-16', FALSE, 1147),
  ('wales', DATE '2022-07-17', FALSE, 1147),
  ('wales', DATE '2022-07-18', TRUE, 1148),
  ('wales', DATE '2022-07-19', TRUE, 1149),
  ('wales', DATE '2022-07-20', TRUE, 1150),
  ('wales', DATE '2022-07-21', TRUE, 1151),
  ('wales', DATE '2022-07-22', TRUE, 1152),
  ('wales', DATE '2022-07-23', FALSE, 1152),
  ('wales', DATE '2022-07-24', FALSE, 1152),
  ('wales', DATE '2022-07-25', TRUE, 1153),
  ('wales', DATE '2022-07-26', TRUE, 1154),
  ('wales', DATE '2022-07-27', TRUE, 1155),
  ('wales', DATE '2022-07-28', TRUE, 1156),
  ('wales', DATE '2022-07-29', TRUE, 1157),
  ('wales', DATE '2022-07-30', FALSE, 1157),
  ('wales', DATE '2022-07-31', FALSE, 1157),
  ('wales', DATE '2022-08-01', TRUE, 1158),
  ('wales', DATE '2022-08-02', TRUE, 1159),
  ('wales', DATE '2022-08-03', TRUE, 1160),
  ('wales', DATE '2022-08-04', TRUE, 1161),
  ('wales', DATE '2022-08-05', TRUE, 1162),
  ('wales', DATE '2022-08-06', FALSE, 1162),
  ('wales', DATE '2022-08-07', FALSE, 1162),
  ('wales', DATE '2022-08-08', TRUE, 1163),
  ('wales', DATE '2022-08-09', TRUE, 1164),
  ('wales', DATE '2022-08-10', TRUE, 1165),
  ('wales', DATE '2022-08-11', TRUE, 1166),
  ('wales', DATE '2022-08-12', TRUE, 1167),
  ('wales', DATE '2022-08-13', FALSE, 1167),
  ('wales', DATE '2022-08-14', FALSE, 1167),
  ('wales', DATE '2022-08-15', TRUE, 1168),
  ('wales', DATE '2022-08-16', TRUE, 1169),
  ('wales', DATE '2022-08-17', TRUE, 1170),
  ('wales', DATE '2022-08-18', TRUE, 1171),
  ('wales', DATE '2022-08-19', TRUE, 1172),
  ('wales', DATE '2022-08-20', FALSE, 1172),
  ('wales', DATE '2022-08-21', FALSE, 1172),
  ('wales', DATE '2022-08-22', TRUE, 1173),
  ('wales', DATE '2022-08-23', TRUE, 1174),
  ('wales', DATE '2022-08-24', TRUE, 1175),
  ('wales', DATE '2022-08-25', TRUE, 1176),
  ('wales', DATE '2022-08-26', TRUE, 1177),
  ('wales', DATE '2022-08-27', FALSE, 1177),
  ('wales', DATE '2022-08-28', FALSE, 1177),
  ('wales', DATE '2022-08-29', FALSE, 1177),
  ('wales', DATE '2022-08-30', TRUE, 1178),
  ('wales', DATE '2022-08-31', TRUE, 1179),
  ('wales', DATE '2022-09-01', TRUE, 1180),
  ('wales', DATE '2022-09-02', TRUE, 1181),
  ('wales', DATE '2022-09-03', FALSE, 1181),
  ('wales', DATE '2022-09-04', FALSE, 1181),
  ('wales', DATE '2022-09-05', TRUE, 1182),
  ('wales', DATE '2022-09-06', TRUE, 1183),
  ('wales', DATE '2022-09-07', TRUE, 1184),
  ('wales', DATE '2022-09-08', TRUE, 1185),
  ('wales', DATE '2022-09-09', TRUE, 1186),
  ('wales', DATE '2022-09-10', FALSE, 1186),
  ('wales', DATE '2022-09-11', FALSE, 1186),
  ('wales', DATE '2022-09-12', TRUE, 1187),
  ('wales', DATE '2022-09-13', TRUE, 1188),
  ('wales', DATE '2022-09-14', TRUE, 1189),
  ('wales', DATE '2022-09-15', TRUE, 1190),
  ('wales', DATE '2022-09-16', TRUE, 1191),
  ('wales', DATE '2022-09-17', FALSE, 1191),
  ('wales', DATE '2022-09-18', FALSE, 1191),
  ('wales', DATE '2022-09-19', FALSE, 1191),
  ('wales', DATE '2022-09-20', TRUE, 1192),
  ('wales', DATE '2022-09-21', TRUE, 1193),
  ('wales', DATE '2022-09-22', TRUE, 1194),
  ('wales', DATE '2022-09-23', TRUE, 1195),
  ('wales', DATE '2022-09-24', FALSE, 1195),
  ('wales', DATE '2022-09-25', FALSE, 1195),
  ('wales', DATE '2022-09-26', TRUE, 1196),
  ('wales', DATE '2022-09-27', TRUE, 1197),
  ('wales', DATE '2022-09-28', TRUE, 1198),
  ('wales', DATE '2022-09-29', TRUE, 1199),
  ('wales', DATE '2022-09-30', TRUE, 1200),
  ('wales', DATE '2022-10-01', FALSE, 1200),
  ('wales', DATE '2022-10-02', FALSE, 1200),
  ('wales', DATE '2022-10-03', TRUE, 1201),
  ('wales', DATE '2022-10-04', TRUE, 1202),
  ('wales', DATE '2022-10-05', TRUE, 1203),
  ('wales', DATE '2022-10-06', TRUE, 1204),
  ('wales', DATE '2022-10-07', TRUE, 1205),
  ('wales', DATE '2022-10-08', FALSE, 1205),
  ('wales', DATE '2022-10-09', FALSE, 1205),
  ('wales', DATE '2022-10-10', TRUE, 1206),
  ('wales', DATE '2022-10-11', TRUE, 1207),
  ('wales', DATE '2022-10-12', TRUE, 1208),
  ('wales', DATE '2022-10-13', TRUE, 1209),
  ('wales', DATE '2022-10-14', TRUE, 1210),
  ('wales', DATE '2022-10-15', FALSE, 1210),
  ('wales', DATE '2022-10-16', FALSE, 1210),
  ('wales', DATE '2022-10-17', TRUE, 1211),
  ('wales', DATE '2022-10-18', TRUE, 1212),
  ('wales', DATE '2022-10-19', TRUE, 1213),
  ('wales', DATE '2022-10-20', TRUE, 1214),
  ('wales', DATE '2022-10-21', TRUE, 1215),
  ('wales', DATE '2022-10-22', FALSE, 1215),
  ('wales', DATE '2022-10-23', FALSE, 1215),
  ('wales', DATE '2022-10-24', TRUE, 1216),
  ('wales', DATE '2022-10-25', TRUE, 1217),
  ('wales', DATE '2022-10-26', TRUE, 1218),
  ('wales', DATE '2022-10-27', TRUE, 1219),
  ('wales', DATE '2022-10-28', TRUE, 1220),
  ('wales', DATE '2022-10-29', FALSE, 1220),
  ('wales', DATE '2022-10-30', FALSE, 1220),
  ('wales', DATE '2022-10-31', TRUE, 1221),
  ('wales', DATE '2022-11-01', TRUE, 1222),
  ('wales', DATE '2022-11-02', TRUE, 1223),
  ('wales', DATE '2022-11-03', TRUE, 1224),
  ('wales', DATE '2022-11-04', TRUE, 1225),
  ('wales', DATE '2022-11-05', FALSE, 1225),
  ('wales', DATE '2022-11-06', FALSE, 1225),
  ('wales', DATE '2022-11-07', TRUE, 1226),
  ('wales', DATE '2022-11-08', TRUE, 1227),
  ('wales', DATE '2022-11-09', TRUE, 1228),
  ('wales', DATE '2022-11-10', TRUE, 1229),
  ('wales', DATE '2022-11-11', TRUE, 1230),
  ('wales', DATE '2022-11-12', FALSE, 1230),
  ('wales', DATE '2022-11-13', FALSE, 1230),
  ('wales', DATE '2022-11-14', TRUE, 1231),
  ('wales', DATE '2022-11-15', TRUE, 1232),
  ('wales', DATE '2022-11-16', TRUE, 1233),
  ('wales', DATE '2022-11-17', TRUE, 1234),
  ('wales', DATE '2022-11-18', TRUE, 1235),
  ('wales', DATE '2022-11-19', FALSE, 1235),
  ('wales', DATE '2022-11-20', FALSE, 1235),
  ('wales', DATE '2022-11-21', TRUE, 1236),
  ('wales', DATE '2022-11-22', TRUE, 1237),
  ('wales', DATE '2022-11-23', TRUE, 1238),
  ('wales', DATE '2022-11-24', TRUE, 1239),
  ('wales', DATE '2022-11-25', TRUE, 1240),
  ('wales', DATE '2022-11-26', FALSE, 1240),
  ('wales', DATE '2022-11-27', FALSE, 1240),
  ('wales', DATE '2022-11-28', TRUE, 1241),
  ('wales', DATE '2022-11-29', TRUE, 1242),
  ('wales', DATE '2022-11-30', TRUE, 1243),
  ('wales', DATE '2022-12-01', TRUE, 1244),
  ('wales', DATE '2022-12-02', TRUE, 1245),
  ('wales', DATE '2022-12-03', FALSE, 1245),
  ('wales', DATE '2022-12-04', FALSE, 1245),
  ('wales', DATE '2022-12-05', TRUE, 1246),
  ('wales', DATE '2022-12-06', TRUE, 1247),
  ('wales', DATE '2022-12-07', TRUE, 1248),
  ('wales', DATE '2022-12-08', TRUE, 1249),
  ('wales', DATE '2022-12-09', TRUE, 1250),
  ('wales', DATE '2022-12-10', FALSE, 1250),
  ('wales', DATE '2022-12-11', FALSE, 1250),
  ('wales', DATE '2022-12-12', TRUE, 1251),
  ('wales', DATE '2022-12-13', TRUE, 1252),
  ('wales', DATE '2022-12-14', TRUE, 1253),
  ('wales', DATE '2022-12-15', TRUE, 1254),
  ('wales', DATE '2022-12-16', TRUE, 1255),
  ('wales', DATE '2022-12-17', FALSE, 1255),
  ('wales', DATE '2022-12-18', FALSE, 1255),
  ('wales', DATE '2022-12-19', TRUE, 1256),
  ('wales', DATE '2022-12-20', TRUE, 1257),
  ('wales', DATE '2022-12-21', TRUE, 1258),
  ('wales', DATE '2022-12-22', TRUE, 1259),
  ('wales', DATE '2022-12-23', TRUE, 1260),
  ('wales', DATE '2022-12-24', FALSE, 1260),
  ('wales', DATE '2022-12-25', FALSE, 1260),
  ('wales', DATE '2022-12-26', FALSE, 1260),
  ('wales', DATE '2022-12-27', FALSE, 1260),
  ('wales', DATE '2022-12-28', TRUE, 1261),
  ('wales', DATE '2022-12-29', TRUE, 1262),
  ('wales', DATE '2022-12-30', TRUE, 1263),
  ('wales', DATE '2022-12-31', FALSE, 1263),
  ('wales', DATE '2023-01-01', FALSE, 1263),
  ('wales', DATE '2023-01-02', FALSE, 1263),
  ('wales', DATE '2023-01-03', TRUE, 1264),
  ('wales', DATE '2023-01-04', TRUE, 1265),
  ('wales', DATE '2023-01-05', TRUE, 1266),
  ('wales', DATE '2023-01-06', TRUE, 1267),
  ('wales', DATE '2023-01-07', FALSE, 1267),
  ('wales', DATE '2023-01-08', FALSE, 1267),
  ('wales', DATE '2023-01-09', TRUE, 1268),
  ('wales', DATE '2023-01-10', TRUE, 1269),
  ('wales', DATE '2023-01-11', TRUE, 1270),
  ('wales', DATE '2023-01-12', TRUE, 1271),
  ('wales', DATE '2023-01-13', TRUE, 1272),
  ('wales', DATE '2023-01-14', FALSE, 1272),
  ('wales', DATE '2023-01-15', FALSE, 1272),
  ('wales', DATE '2023-01-16', TRUE, 1273),
  ('wales', DATE '2023-01-17', TRUE, 1274),
  ('wales', DATE '2023-01-18', TRUE, 1275),
  ('wales', DATE '2023-01-19', TRUE, 1276),
  ('wales', DATE '2023-01-20', TRUE, 1277),
  ('wales', DATE '2023-01-21', FALSE, 1277),
  ('wales', DATE '2023-01-22', FALSE, 1277),
  ('wales', DATE '2023-01-23', TRUE, 1278),
  ('wales', DATE '2023-01-24', TRUE, 1279),
  ('wales', DATE '2023-01-25', TRUE, 1280),
  ('wales', DATE '2023-01-26', TRUE, 1281),
  ('wales', DATE '2023-01-27', TRUE, 1282),
  ('wales', DATE '2023-01-28', FALSE, 1282),
  ('wales', DATE '2023-01-29', FALSE, 1282),
  ('wales', DATE '2023-01-30', TRUE, 1283),
  ('wales', DATE '2023-01-31', TRUE, 1284),
  ('wales', DATE '2023-02-01', TRUE, 1285),
  ('wales', DATE '2023-02-02', TRUE, 1286),
  ('wales', DATE '2023-02-03', TRUE, 1287),
  ('wales', DATE '2023-02-04', FALSE, 1287),
  ('wales', DATE '2023-02-05', FALSE, 1287),
  ('wales', DATE '2023-02-06', TRUE, 1288),
  ('wales', DATE '2023-02-07', TRUE, 1289),
  ('wales', DATE '2023-02-08', TRUE, 1290),
  ('wales', DATE '2023-02-09', TRUE, 1291),
  ('wales', DATE '2023-02-10', TRUE, 1292),
  ('wales', DATE '2023-02-11', FALSE, 1292),
  ('wales', DATE '2023-02-12', FALSE, 1292),
  ('wales', DATE '2023-02-13', TRUE, 1293),
  ('wales', DATE '2023-02-14', TRUE, 1294),
  ('wales', DATE '2023-02-15', TRUE, 1295),
  ('wales', DATE '2023-02-16', TRUE, 1296),
  ('wales', DATE '2023-02-17', TRUE, 1297),
  ('wales', DATE '2023-02-18', FALSE, 1297),
  ('wales', DATE '2023-02-19', FALSE, 1297),
  ('wales', DATE '2023-02-20', TRUE, 1298),
  ('wales', DATE '2023-02-21', TRUE, 1299),
  ('wales', DATE '2023-02-22', TRUE, 1300),
  ('wales', DATE '2023-02-23', TRUE, 1301),
  ('wales', DATE '2023-02-24', TRUE, 1302),
  ('wales', DATE '2023-02-25', FALSE, 1302),
  ('wales', DATE '2023-02-26', FALSE, 1302),
  ('wales', DATE '2023-02-27', TRUE, 1303),
  ('wales', DATE '2023-02-28', TRUE, 1304),
  ('wales', DATE '2023-03-01', TRUE, 1305),
  ('wales', DATE '2023-03-02', TRUE, 1306),
  ('wales', DATE '2023-03-03', TRUE, 1307),
  ('wales', DATE '2023-03-04', FALSE, 1307),
  ('wales', DATE '2023-03-05', FALSE, 1307),
  ('wales', DATE '2023-03-06', TRUE, 1308),
  ('wales', DATE '2023-03-07', TRUE, 1309),
  ('wales', DATE '2023-03-08', TRUE, 1310),
  ('wales', DATE '2023-03-09', TRUE, 1311),
  ('wales', DATE '2023-03-10', TRUE, 1312),
  ('wales', DATE '2023-03-11', FALSE, 1312),
  ('wales', DATE '2023-03-12', FALSE, 1312),
  ('wales', DATE '2023-03-13', TRUE, 1313),
  ('wales', DATE '2023-03-14', TRUE, 1314),
  ('wales', DATE '2023-03-15', TRUE, 1315),
  ('wales', DATE '2023-03-16', TRUE, 1316),
  ('wales', DATE '2023-03-17', TRUE, 1317),
  ('wales', DATE '2023-03-18', FALSE, 1317),
  ('wales', DATE '2023-03-19', FALSE, 1317),
  ('wales', DATE '2023-03-20', TRUE, 1318),
  ('wales', DATE '2023-03-21', TRUE, 1319),
  ('wales', DATE '2023-03-22', TRUE, 1320),
  ('wales', DATE '2023-03-23', TRUE, 1321),
  ('wales', DATE '2023-03-24', TRUE, 1322),
  ('wales', DATE '2023-03-25', FALSE, 1322),
  ('wales', DATE '2023-03-26', FALSE, 1322),
  ('wales', DATE '2023-03-27', TRUE, 1323),
  ('wales', DATE '2023-03-28', TRUE, 1324),
  ('wales', DATE '2023-03-29', TRUE, 1325),
  ('wales', DATE '2023-03-30', TRUE, 1326),
  ('wales', DATE '2023-03-31', TRUE, 1327),
  ('wales', DATE '2023-04-01', FALSE, 1327),
  ('wales', DATE '2023-04-02', FALSE, 1327),
  ('wales', DATE '2023-04-03', TRUE, 1328),
  ('wales', DATE '2023-04-04', TRUE, 1329),
  ('wales', DATE '2023-04-05', TRUE, 1330),
  ('wales', DATE '2023-04-06', TRUE, 1331),
  ('wales', DATE '2023-04-07', FALSE, 1331),
  ('wales', DATE '2023-04-08', FALSE, 1331),
  ('wales', DATE '2023-04-09', FALSE, 1331),
  ('wales', DATE '2023-04-10', FALSE, 1331),
  ('wales', DATE '2023-04-11', TRUE, 1332),
  ('wales', DATE '2023-04-12', TRUE, 1333),
  ('wales', DATE '2023-04-13', TRUE, 1334),
  ('wales', DATE '2023-04-14', TRUE, 1335),
  ('wales', DATE '2023-04-15', FALSE, 1335),
  ('wales', DATE '2023-04-16', FALSE, 1335),
  ('wales', DATE '2023-04-17', TRUE, 1336),
  ('wales', DATE '2023-04-18', TRUE, 1337),
  ('wales', DATE '2023-04-19', TRUE, 1338),
  ('wales', DATE '2023-04-20', TRUE, 1339),
  ('wales', DATE '2023-04-21', TRUE, 1340),
  ('wales', DATE '2023-04-22', FALSE, 1340),
  ('wales', DATE '2023-04-23', FALSE, 1340),
  ('wales', DATE '2023-04-24', TRUE, 1341),
  ('wales', DATE '2023-04-25', TRUE, 1342),
  ('wales', DATE '2023-04-26', TRUE, 1343),
  ('wales', DATE '2023-04-27', TRUE, 1344),
  ('wales', DATE '2023-04-28', TRUE, 1345),
  ('wales', DATE '2023-04-29', FALSE, 1345),
  ('wales', DATE '2023-04-30', FALSE, 1345),
  ('wales', DATE '2023-05-01', FALSE, 1345),
  ('wales', DATE '2023-05-02', TRUE, 1346),
  ('wales', DATE '2023-05-03', TRUE, 1347),
  ('wales', DATE '2023-05-04', TRUE, 1348),
  ('wales', DATE '2023-05-05', TRUE, 1349),
  ('wales', DATE '2023-05-06', FALSE, 1349),
  ('wales', DATE '2023-05-07', FALSE, 1349),
  ('wales', DATE '2023-05-08', FALSE, 1349),
  ('wales', DATE '2023-05-09', TRUE, 1350),
  ('wales', DATE '2023-05-10', TRUE, 1351),
  ('wales', DATE '2023-05-11', TRUE, 1352),
  ('wales', DATE '2023-05-12', TRUE, 1353),
  ('wales', DATE '2023-05-13', FALSE, 1353),
  ('wales', DATE '2023-05-14', FALSE, 1353),
  ('wales', DATE '2023-05-15', TRUE, 1354),
  ('wales', DATE '2023-05-16', TRUE, 1355),
  ('wales', DATE '2023-05-17', TRUE, 1356),
  ('wales', DATE '2023-05-18', TRUE, 1357),
  ('wales', DATE '2023-05-19', TRUE, 1358),
  ('wales', DATE '2023-05-20', FALSE, 1358),
  ('wales', DATE '2023-05-21', FALSE, 1358),
  ('wales', DATE '2023-05-22', TRUE, 1359),
  ('wales', DATE '2023-05-23', TRUE, 1360),
  ('wales', DATE '2023-05-24', TRUE, 1361),
  ('wales', DATE '2023-05-25', TRUE, 1362),
  ('wales', DATE '2023-05-26', TRUE, 1363),
  ('wales', DATE '2023-05-27', FALSE, 1363),
  ('wales', DATE '2023-05-28', FALSE, 1363),
  ('wales', DATE '2023-05-29', FALSE, 1363),
  ('wales', DATE '2023-05-30', TRUE, 1364),
  ('wales', DATE '2023-05-31', TRUE, 1365),
  ('wales', DATE '2023-06-01', TRUE, 1366),
  ('wales', DATE '2023-06-02', TRUE, 1367),
  ('wales', DATE '2023-06-03', FALSE, 1367),
  ('wales', DATE '2023-06-04', FALSE, 1367),
  ('wales', DATE '2023-06-05', TRUE, 1368),
  ('wales', DATE '2023-06-06', TRUE, 1369),
  ('wales', DATE '2023-06-07', TRUE, 1370),
  ('wales', DATE '2023-06-08', TRUE, 1371),
  ('wales', DATE '2023-06-09', TRUE, 1372),
  ('wales', DATE '2023-06-10', FALSE, 1372),
  ('wales', DATE '2023-06-11', FALSE, 1372),
  ('wales', DATE '2023-06-12', TRUE, 1373),
  ('wales', DATE '2023-06-13', TRUE, 1374),
  ('wales', DATE '2023-06-14', TRUE, 1375),
  ('wales', DATE '2023-06-15', TRUE, 1376),
  ('wales', DATE '2023-06-16', TRUE, 1377),
  ('wales', DATE '2023-06-17', FALSE, 1377),
  ('wales', DATE '2023-06-18', FALSE, 1377),
  ('wales', DATE '2023-06-19', TRUE, 1378),
  ('wales', DATE '2023-06-20', TRUE, 1379),
  ('wales', DATE '2023-06-21', TRUE, 1380),
  ('wales', DATE '2023-06-22', TRUE, 1381),
  ('wales', DATE '2023-06-23', TRUE, 1382),
  ('wales', DATE '2023-06-24', FALSE, 1382),
  ('wales', DATE '2023-06-25', FALSE, 1382),
  ('wales', DATE '2023-06-26', TRUE, 1383),
  ('wales', DATE '2023-06-27', TRUE, 1384),
  ('wales', DATE '2023-06-28', TRUE, 1385),
  ('wales', DATE '2023-06-29', TRUE, 1386),
  ('wales', DATE '2023-06-30', TRUE, 1387),
  ('wales', DATE '2023-07-01', FALSE, 1387),
  ('wales', DATE '2023-07-02', FALSE, 1387),
  ('wales', DATE '2023-07-03', TRUE, 1388),
  ('wales', DATE '2023-07-04', TRUE, 1389),
  ('wales', DATE '2023-07-05', TRUE, 1390),
  ('wales', DATE '2023-07-06', TRUE, 1391),
  ('wales', DATE '2023-07-07', TRUE, 1392),
  ('wales', DATE '2023-07-08', FALSE, 1392),
  ('wales', DATE '2023-07-09', FALSE, 1392),
  ('wales', DATE '2023-07-10', TRUE, 1393),
  ('wales', DATE '2023-07-11', TRUE, 1394),
  ('wales', DATE '2023-07-12', TRUE, 1395),
  ('wales', DATE '2023-07-13', TRUE, 1396),
  ('wales', DATE '2023-07-14', TRUE, 1397),
  ('wales', DATE '2023-07-15', FALSE, 1397),
  ('wales', DATE '2023-07-16', FALSE, 1397),
  ('wales', DATE '2023-07-17', TRUE, 1398),
  ('wales', DATE '2023-07-18', TRUE, 1399),
  ('wales', DATE '2023-07-19', TRUE, 1400),
  ('wales', DATE '2023-07-20', TRUE, 1401),
  ('wales', DATE '2023-07-21', TRUE, 1402),
  ('wales', DATE '2023-07-22', FALSE, 1402),
  ('wales', DATE '2023-07-23', FALSE, 1402),
  ('wales', DATE '2023-07-24', TRUE, 1403),
  ('wales', DATE '2023-07-25', TRUE, 1404),
  ('wales', DATE '2023-07-26', TRUE, 1405),
  ('wales', DATE '2023-07-27', TRUE, 1406),
  ('wales', DATE '2023-07-28', TRUE, 1407),
  ('wales', DATE '2023-07-29', FALSE, 1407),
  ('wales', DATE '2023-07-30', FALSE, 1407),
  ('wales', DATE '2023-07-31', TRUE, 1408),
  ('wales', DATE '2023-08-01', TRUE, 1409),
  ('wales', DATE '2023-08-02', TRUE, 1410),
  ('wales', DATE '2023-08-03', TRUE, 1411),
  ('wales', DATE '2023-08-04', TRUE, 1412),
  ('wales', DATE '2023-08-05', FALSE, 1412),
  ('wales', DATE '2023-08-06', FALSE, 1412),
  ('wales', DATE '2023-08-07', TRUE, 1413),
  ('wales', DATE '2023-08-08', TRUE, 1414),
  ('wales', DATE '2023-08-09', TRUE, 1415),
  ('wales', DATE '2023-08-10', TRUE, 1416),
  ('wales', DATE '2023-08-11', TRUE, 1417),
  ('wales', DATE '2023-08-12', FALSE, 1417),
  ('wales', DATE '2023-08-13', FALSE, 1417),
  ('wales', DATE '2023-08-14', TRUE, 1418),
  ('wales', DATE '2023-08-15', TRUE, 1419),
  ('wales', DATE '2023-08-16', TRUE, 1420),
  ('wales', DATE '2023-08-17', TRUE, 1421),
  ('wales', DATE '2023-08-18', TRUE, 1422),
  ('wales', DATE '2023-08-19', FALSE, 1422),
  ('wales', DATE '2023-08-20', FALSE, 1422),
  ('wales', DATE '2023-08-21', TRUE, 1423),
  ('wales', DATE '2023-08-22', TRUE, 1424),
  ('wales', DATE '2023-08-23', TRUE, 1425),
  ('wales', DATE '2023-08-24', TRUE, 1426),
  ('wales', DATE '2023-08-25', TRUE, 1427),
  ('wales', DATE '2023-08-26', FALSE, 1427),
  ('wales', DATE '2023-08-27', FALSE, 1427),
  ('wales', DATE '2023-08-28', FALSE, 1427),
  ('wales', DATE '2023-08-29', TRUE, 1428),
  ('wales', DATE '2023-08-30', TRUE, 1429),
  ('wales', DATE '2023-08-31', TRUE, 1430),
  ('wales', DATE '2023-09-01', TRUE, 1431),
  ('wales', DATE '2023-09-02', FALSE, 1431),
  ('wales', DATE '2023-09-03', FALSE, 1431),
  ('wales', DATE '2023-09-04', TRUE, 1432),
  ('wales', DATE '2023-09-05', TRUE, 1433),
  ('wales', DATE '2023-09-06', TRUE, 1434),
  ('wales', DATE '2023-09-07', TRUE, 1435),
  ('wales', DATE '2023-09-08', TRUE, 1436),
  ('wales', DATE '2023-09-09', FALSE, 1436),
  ('wales', DATE '2023-09-10', FALSE, 1436),
  ('wales', DATE '2023-09-11', TRUE, 1437),
  ('wales', DATE '2023-09-12', TRUE, 1438),
  ('wales', DATE '2023-09-13', TRUE, 1439),
  ('wales', DATE '2023-09-14', TRUE, 1440),
  ('wales', DATE '2023-09-15', TRUE, 1441),
  ('wales', DATE '2023-09-16', FALSE, 1441),
  ('wales', DATE '2023-09-17', FALSE, 1441),
  ('wales', DATE '2023-09-18', TRUE, 1442),
  ('wales', DATE '2023-09-19', TRUE, 1443),
  ('wales', DATE '2023-09-20', TRUE, 1444),
  ('wales', DATE '2023-09-21', TRUE, 1445),
  ('wales', DATE '2023-09-22', TRUE, 1446),
  ('wales', DATE '2023-09-23', FALSE, 1446),
  ('wales', DATE '2023-09-24', FALSE, 1446),
  ('wales', DATE '2023-09-25', TRUE, 1447),
  ('wales', DATE '2023-09-26', TRUE, 1448),
  ('wales', DATE '2023-09-27', TRUE, 1449),
  ('wales', DATE '2023-09-28', TRUE, 1450),
  ('wales', DATE '2023-09-29', TRUE, 1451),
  ('wales', DATE '2023-09-30', FALSE, 1451),
  ('wales', DATE '2023-10-01', FALSE, 1451),
  ('wales', DATE '2023-10-02', TRUE, 1452),
  ('wales', DATE '2023-10-03', TRUE, 1453),
  ('wales', DATE '2023-10-04', TRUE, 1454),
  ('wales', DATE '2023-10-05', TRUE, 1455),
  ('wales', DATE '2023-10-06', TRUE, 1456),
  ('wales', DATE '2023-10-07', FALSE, 1456),
  ('wales', DATE '2023-10-08', FALSE, 1456),
  ('wales', DATE '2023-10-09', TRUE, 1457),
  ('wales', DATE '2023-10-10', TRUE, 1458),
  ('wales', DATE '2023-10-11', TRUE, 1459),
  ('wales', DATE '2023-10-12', TRUE, 1460),
  ('wales', DATE '2023-10-13', TRUE, 1461),
  ('wales', DATE '2023-10-14', FALSE, 1461),
  ('wales', DATE '2023-10-15', FALSE, 1461),
  ('wales', DATE '2023-10-16', TRUE, 1462),
  ('wales', DATE '2023-10-17', TRUE, 1463),
  ('wales', DATE '2023-10-18', TRUE, 1464),
  ('wales', DATE '2023-10-19', TRUE, 1465),
  ('wales', DATE '2023-10-20', TRUE, 1466),
  ('wales', DATE '2023-10-21', FALSE, 1466),
  ('wales', DATE '2023-10-22', FALSE, 1466),
  ('wales', DATE '2023-10-23', TRUE, 1467),
  ('wales', DATE '2023-10-24', TRUE, 1468),
  ('wales', DATE '2023-10-25', TRUE, 1469),
  ('wales', DATE '2023-10-26', TRUE, 1470),
  ('wales', DATE '2023-10-27', TRUE, 1471),
  ('wales', DATE '2023-10-28', FALSE, 1471),
  ('wales', DATE '2023-10-29', FALSE, 1471),
  ('wales', DATE '2023-10-30', TRUE, 1472),
  ('wales', DATE '2023-10-31', TRUE, 1473),
  ('wales', DATE '2023-11-01', TRUE, 1474),
  ('wales', DATE '2023-11-02', TRUE, 1475),
  ('wales', DATE '2023-11-03', TRUE, 1476),
  ('wales', DATE '2023-11-04', FALSE, 1476),
  ('wales', DATE '2023-11-05', FALSE, 1476),
  ('wales', DATE '2023-11-06', TRUE, 1477),
  ('wales', DATE '2023-11-07', TRUE, 1478),
  ('wales', DATE '2023-11-08', TRUE, 1479),
  ('wales', DATE '2023-11-09', TRUE, 1480),
  ('wales', DATE '2023-11-10', TRUE, 1481),
  ('wales', DATE '2023-11-11', FALSE, 1481),
  ('wales', DATE '2023-11-12', FALSE, 1481),
  ('wales', DATE '2023-11-13', TRUE, 1482),
  ('wales', DATE '2023-11-14', TRUE, 1483),
  ('wales', DATE '2023-11-15', TRUE, 1484),
  ('wales', DATE '2023-11-16', TRUE, 1485),
  ('wales', DATE '2023-11-17', TRUE, 1486),
  ('wales', DATE '2023-11-18', FALSE, 1486),
  ('wales', DATE '2023-11-19', FALSE, 1486),
  ('wales', DATE '2023-11-20', TRUE, 1487),
  ('wales', DATE '2023-11-21', TRUE, 1488),
  ('wales', DATE '2023-11-22', TRUE, 1489),
  ('wales', DATE '2023-11-23', TRUE, 1490),
  ('wales', DATE '2023-11-24', TRUE, 1491),
  ('wales', DATE '2023-11-25', FALSE, 1491),
  ('wales', DATE '2023-11-26', FALSE, 1491),
  ('wales', DATE '2023-11-27', TRUE, 1492),
  ('wales', DATE '2023-11-28', TRUE, 1493),
  ('wales', DATE '2023-11-29', TRUE, 1494),
  ('wales', DATE '2023-11-30', TRUE, 1495),
  ('wales', DATE '2023-12-01', TRUE, 1496),
  ('wales', DATE '2023-12-02', FALSE, 1496),
  ('wales', DATE '2023-12-03', FALSE, 1496),
  ('wales', DATE '2023-12-04', TRUE, 1497),
  ('wales', DATE '2023-12-05', TRUE, 1498),
  ('wales', DATE '2023-12-06', TRUE, 1499),
  ('wales', DATE '2023-12-07', TRUE, 1500),
  ('wales', DATE '2023-12-08', TRUE, 1501),
  ('wales', DATE '2023-12-09', FALSE, 1501),
  ('wales', DATE '2023-12-10', FALSE, 1501),
  ('wales', DATE '2023-12-11', TRUE, 1502),
  ('wales', DATE '2023-12-12', TRUE, 1503),
  ('wales', DATE '2023-12-13', TRUE, 1504),
  ('wales', DATE '2023-12-14', TRUE, 1505),
  ('wales', DATE '2023-12-15', TRUE, 1506),
  ('wales', DATE '2023-12-16', FALSE, 1506),
  ('wales', DATE '2023-12-17', FALSE, 1506),
  ('wales', DATE '2023-12-18', TRUE, 1507),
  ('wales', DATE '2023-12-19', TRUE, 1508),
  ('wales', DATE '2023-12-20', TRUE, 1509),
  ('wales', DATE '2023-12-21', TRUE, 1510),
  ('wales', DATE '2023-12-22', TRUE, 1511),
  ('wales', DATE '2023-12-23', FALSE, 1511),
  ('wales', DATE '2023-12-24', FALSE, 1511),
  ('wales', DATE '2023-12-25', FALSE, 1511),
  ('wales', DATE '2023-12-26', FALSE, 1511),
  ('wales', DATE '2023-12-27', TRUE, 1512),
  ('wales', DATE '2023-12-28', TRUE, 1513),
  ('wales', DATE '2023-12-29', TRUE, 1514),
  ('wales', DATE '2023-12-30', FALSE, 1514),
  ('wales', DATE '2023-12-31', FALSE, 1514),
  ('wales', DATE '2024-01-01', FALSE, 1514),
  ('wales', DATE '2024-01-02', TRUE, 1515),
  ('wales', DATE '2024-01-03', TRUE, 1516),
  ('wales', DATE '2024-01-04', TRUE, 1517),
  ('wales', DATE '2024-01-05', TRUE, 1518),
  ('wales', DATE '2024-01-06', FALSE, 1518),
  ('wales', DATE '2024-01-07', FALSE, 1518),
  ('wales', DATE '2024-01-08', TRUE, 1519),
  ('wales', DATE '2024-01-09', TRUE, 1520),
  ('wales', DATE '2024-01-10', TRUE, 1521),
  ('wales', DATE '2024-01-11', TRUE, 1522),
  ('wales', DATE '2024-01-12', TRUE, 1523),
  ('wales', DATE '2024-01-13', FALSE, 1523),
  ('wales', DATE '2024-01-14', FALSE, 1523),
  ('wales', DATE '2024-01-15', TRUE, 1524),
  ('wales', DATE '2024-01-16', TRUE, 1525),
  ('wales', DATE '2024-01-17', TRUE, 1526),
  ('wales', DATE '2024-01-18', TRUE, 1527),
  ('wales', DATE '2024-01-19', TRUE, 1528),
  ('wales', DATE '2024-01-20', FALSE, 1528),
  ('wales', DATE '2024-01-21', FALSE, 1528),
  ('wales', DATE '2024-01-22', TRUE, 1529),
  ('wales', DATE '2024-01-23', TRUE, 1530),
  ('wales', DATE '2024-01-24', TRUE, 1531),
  ('wales', DATE '2024-01-25', TRUE, 1532),
  ('wales', DATE '2024-01-26', TRUE, 1533),
  ('wales', DATE '2024-01-27', FALSE, 1533),
  ('wales', DATE '2024-01-28', FALSE, 1533),
  ('wales', DATE '2024-01-29', TRUE, 1534),
  ('wales', DATE '2024-01-30', TRUE, 1535),
  ('wales', DATE '2024-01-31', TRUE, 1536),
  ('wales', DATE '2024-02-01', TRUE, 1537),
  ('wales', DATE '2024-02-02', TRUE, 1538),
  ('wales', DATE '2024-02-03', FALSE, 1538),
  ('wales', DATE '2024-02-04', FALSE, 1538),
  ('wales', DATE '2024-02-05', TRUE, 1539),
  ('wales', DATE '2024-02-06', TRUE, 1540),
  ('wales', DATE '2024-02-07', TRUE, 1541),
  ('wales', DATE '2024-02-08', TRUE, 1542),
  ('wales', DATE '2024-02-09', TRUE, 1543),
  ('wales', DATE '2024-02-10', FALSE, 1543),
  ('wales', DATE '2024-02-11', FALSE, 1543),
  ('wales', DATE '2024-02-12', TRUE, 1544),
  ('wales', DATE '2024-02-13', TRUE, 1545),
  ('wales', DATE '2024-02-14', TRUE, 1546),
  ('wales', DATE '2024-02-15', TRUE, 1547),
  ('wales', DATE '2024-02-16', TRUE, 1548),
  ('wales', DATE '2024-02-17', FALSE, 1548),
  ('wales', DATE '2024-02-18', FALSE, 1548),
  ('wales', DATE '2024-02-19', TRUE, 1549),
  ('wales', DATE '2024-02-20', TRUE, 1550),
  ('wales', DATE '2024-02-21', TRUE, 1551),
  ('wales', DATE '2024-02-22', TRUE, 1552),
  ('wales', DATE '2024-02-23', TRUE, 1553),
  ('wales', DATE '2024-02-24', FALSE, 1553),
  ('wales', DATE '2024-02-25', FALSE, 1553),
  ('wales', DATE '2024-02-26', TRUE, 1554),
  ('wales', DATE '2024-02-27', TRUE, 1555),
  ('wales', DATE '2024-02-28', TRUE, 1556),
  ('wales', DATE '2024-02-29', TRUE, 1557),
  ('wales', DATE '2024-03-01', TRUE, 1558),
  ('wales', DATE '2024-03-02', FALSE, 1558),
  ('wales', DATE '2024-03-03', FALSE, 1558),
  ('wales', DATE '2024-03-04', TRUE, 1559),
  ('wales', DATE '2024-03-05', TRUE, 1560),
  ('wales', DATE '2024-03-06', TRUE, 1561),
  ('wales', DATE '2024-03-07', TRUE, 1562),
  ('wales', DATE '2024-03-08', TRUE, 1563),
  ('wales', DATE '2024-03-09', FALSE, 1563),
  ('wales', DATE '2024-03-10', FALSE, 1563),
  ('wales', DATE '2024-03-11', TRUE, 1564),
  ('wales', DATE '2024-03-12', TRUE, 1565),
  ('wales', DATE '2024-03-13', TRUE, 1566),
  ('wales', DATE '2024-03-14', TRUE, 1567),
  ('wales', DATE '2024-03-15', TRUE, 1568),
  ('wales', DATE '2024-03-16', FALSE, 1568),
  ('wales', DATE '2024-03-17', FALSE, 1568),
  ('wales', DATE '2024-03-18', TRUE, 1569),
  ('wales', DATE '2024-03-19', TRUE, 1570),
  ('wales', DATE '2024-03-20', TRUE, 1571),
  ('wales', DATE '2024-03-21', TRUE, 1572),
  ('wales', DATE '2024-03-22', TRUE, 1573),
  ('wales', DATE '2024-03-23', FALSE, 1573),
  ('wales', DATE '2024-03-24', FALSE, 1573),
  ('wales', DATE '2024-03-25', TRUE, 1574),
  ('wales', DATE '2024-03-26', TRUE, 1575),
  ('wales', DATE '2024-03-27', TRUE, 1576),
  ('wales', DATE '2024-03-28', TRUE, 1577),
  ('wales', DATE '2024-03-29', FALSE, 1577),
  ('wales', DATE '2024-03-30', FALSE, 1577),
  ('wales', DATE '2024-03-31', FALSE, 1577),
  ('wales', DATE '2024-04-01', FALSE, 1577),
  ('wales', DATE '2024-04-02', TRUE, 1578),
  ('wales', DATE '2024-04-03', TRUE, 1579),
  ('wales', DATE '2024-04-04', TRUE, 1580),
  ('wales', DATE '2024-04-05', TRUE, 1581),
  ('wales', DATE '2024-04-06', FALSE, 1581),
  ('wales', DATE '2024-04-07', FALSE, 1581),
  ('wales', DATE '2024-04-08', TRUE, 1582),
  ('wales', DATE '2024-04-09', TRUE, 1583),
  ('wales', DATE '2024-04-10', TRUE, 1584),
  ('wales', DATE '2024-04-11', TRUE, 1585),
  ('wales', DATE '2024-04-12', TRUE, 1586),
  ('wales', DATE '2024-04-13', FALSE, 1586),
  ('wales', DATE '2024-04-14', FALSE, 1586),
  ('wales', DATE '2024-04-15', TRUE, 1587),
  ('wales', DATE '2024-04-16', TRUE, 1588),
  ('wales', DATE '2024-04-17', TRUE, 1589),
  ('wales', DATE '2024-04-18', TRUE, 1590),
  ('wales', DATE '2024-04-19', TRUE, 1591),
  ('wales', DATE '2024-04-20', FALSE, 1591),
  ('wales', DATE '2024-04-21', FALSE, 1591),
  ('wales', DATE '2024-04-22', TRUE, 1592),
  ('wales', DATE '2024-04-23', TRUE, 1593),
  ('wales', DATE '2024-04-24', TRUE, 1594),
  ('wales', DATE '2024-04-25', TRUE, 1595),
  ('wales', DATE '2024-04-26', TRUE, 1596),
  ('wales', DATE '2024-04-27', FALSE, 1596),
  ('wales', DATE '2024-04-28', FALSE, 1596),
  ('wales', DATE '2024-04-29', TRUE, 1597),
  ('wales', DATE '2024-04-30', TRUE, 1598),
  ('wales', DATE '2024-05-01', TRUE, 1599),
  ('wales', DATE '2024-05-02', TRUE, 1600),
  ('wales', DATE '2024-05-03', TRUE, 1601),
  ('wales', DATE '2024-05-04', FALSE, 1601),
  ('wales', DATE '2024-05-05', FALSE, 1601),
  ('wales', DATE '2024-05-06', FALSE, 1601),
  ('wales', DATE '2024-05-07', TRUE, 1602),
  ('wales', DATE '2024-05-08', TRUE, 1603),
  ('wales', DATE '2024-05-09', TRUE, 1604),
  ('wales', DATE '2024-05-10', TRUE, 1605),
  ('wales', DATE '2024-05-11', FALSE, 1605),
  ('wales', DATE '2024-05-12', FALSE, 1605),
  ('wales', DATE '2024-05-13', TRUE, 1606),
  ('wales', DATE '2024-05-14', TRUE, 1607),
  ('wales', DATE '2024-05-15', TRUE, 1608),
  ('wales', DATE '2024-05-16', TRUE, 1609),
  ('wales', DATE '2024-05-17', TRUE, 1610),
  ('wales', DATE '2024-05-18', FALSE, 1610),
  ('wales', DATE '2024-05-19', FALSE, 1610),
  ('wales', DATE '2024-05-20', TRUE, 1611),
  ('wales', DATE '2024-05-21', TRUE, 1612),
  ('wales', DATE '2024-05-22', TRUE, 1613),
  ('wales', DATE '2024-05-23', TRUE, 1614),
  ('wales', DATE '2024-05-24', TRUE, 1615),
  ('wales', DATE '2024-05-25', FALSE, 1615),
  ('wales', DATE '2024-05-26', FALSE, 1615),
  ('wales', DATE '2024-05-27', FALSE, 1615),
  ('wales', DATE '2024-05-28', TRUE, 1616),
  ('wales', DATE '2024-05-29', TRUE, 1617),
  ('wales', DATE '2024-05-30', TRUE, 1618),
  ('wales', DATE '2024-05-31', TRUE, 1619),
  ('wales', DATE '2024-06-01', FALSE, 1619),
  ('wales', DATE '2024-06-02', FALSE, 1619),
  ('wales', DATE '2024-06-03', TRUE, 1620),
  ('wales', DATE '2024-06-04', TRUE, 1621),
  ('wales', DATE '2024-06-05', TRUE, 1622),
  ('wales', DATE '2024-06-06', TRUE, 1623),
  ('wales', DATE '2024-06-07', TRUE, 1624),
  ('wales', DATE '2024-06-08', FALSE, 1624),
  ('wales', DATE '2024-06-09', FALSE, 1624),
  ('wales', DATE '2024-06-10', TRUE, 1625),
  ('wales', DATE '2024-06-11', TRUE, 1626),
  ('wales', DATE '2024-06-12', TRUE, 1627),
  ('wales', DATE '2024-06-13', TRUE, 1628),
  ('wales', DATE '2024-06-14', TRUE, 1629),
  ('wales', DATE '2024-06-15', FALSE, 1629),
  ('wales', DATE '2024-06-16', FALSE, 1629),
  ('wales', DATE '2024-06-17', TRUE, 1630),
  ('wales', DATE '2024-06-18', TRUE, 1631),
  ('wales', DATE '2024-06-19', TRUE, 1632),
  ('wales', DATE '2024-06-20', TRUE, 1633),
  ('wales', DATE '2024-06-21', TRUE, 1634),
  ('wales', DATE '2024-06-22', FALSE, 1634),
  ('wales', DATE '2024-06-23', FALSE, 1634),
  ('wales', DATE '2024-06-24', TRUE, 1635),
  ('wales', DATE '2024-06-25', TRUE, 1636),
  ('wales', DATE '2024-06-26', TRUE, 1637),
  ('wales', DATE '2024-06-27', TRUE, 1638),
  ('wales', DATE '2024-06-28', TRUE, 1639),
  ('wales', DATE '2024-06-29', FALSE, 1639),
  ('wales', DATE '2024-06-30', FALSE, 1639),
  ('wales', DATE '2024-07-01', TRUE, 1640),
  ('wales', DATE '2024-07-02', TRUE, 1641),
  ('wales', DATE '2024-07-03', TRUE, 1642),
  ('wales', DATE '2024-07-04', TRUE, 1643),
  ('wales', DATE '2024-07-05', TRUE, 1644),
  ('wales', DATE '2024-07-06', FALSE, 1644),
  ('wales', DATE '2024-07-07', FALSE, 1644),
  ('wales', DATE '2024-07-08', TRUE, 1645),
  ('wales', DATE '2024-07-09', TRUE, 1646),
  ('wales', DATE '2024-07-10', TRUE, 1647),
  ('wales', DATE '2024-07-11', TRUE, 1648),
  ('wales', DATE '2024-07-12', TRUE, 1649),
  ('wales', DATE '2024-07-13', FALSE, 1649),
  ('wales', DATE '2024-07-14', FALSE, 1649),
  ('wales', DATE '2024-07-15', TRUE, 1650),
  ('wales', DATE '2024-07-16', TRUE, 1651),
  ('wales', DATE '2024-07-17', TRUE, 1652),
  ('wales', DATE '2024-07-18', TRUE, 1653),
  ('wales', DATE '2024-07-19', TRUE, 1654),
  ('wales', DATE '2024-07-20', FALSE, 1654),
  ('wales', DATE '2024-07-21', FALSE, 1654),
  ('wales', DATE '2024-07-22', TRUE, 1655),
  ('wales', DATE '2024-07-23', TRUE, 1656),
  ('wales', DATE '2024-07-24', TRUE, 1657),
  ('wales', DATE '2024-07-25', TRUE, 1658),
  ('wales', DATE '2024-07-26', TRUE, 1659),
  ('wales', DATE '2024-07-27', FALSE, 1659),
  ('wales', DATE '2024-07-28', FALSE, 1659),
  ('wales', DATE '2024-07-29', TRUE, 1660),
  ('wales', DATE '2024-07-30', TRUE, 1661),
  ('wales', DATE '2024-07-31', TRUE, 1662),
  ('wales', DATE '2024-08-01', TRUE, 1663),
  ('wales', DATE '2024-08-02', TRUE, 1664),
  ('wales', DATE '2024-08-03', FALSE, 1664),
  ('wales', DATE '2024-08-04', FALSE, 1664),
  ('wales', DATE '2024-08-05', TRUE, 1665),
  ('wales', DATE '2024-08-06', TRUE, 1666),
  ('wales', DATE '2024-08-07', TRUE, 1667),
  ('wales', DATE '2024-08-08', TRUE, 1668),
  ('wales', DATE '2024-08-09', TRUE, 1669),
  ('wales', DATE '2024-08-10', FALSE, 1669),
  ('wales', DATE '2024-08-11', FALSE, 1669),
  ('wales', DATE '2024-08-12', TRUE, 1670),
  ('wales', DATE '2024-08-13', TRUE, 1671),
  ('wales', DATE '2024-08-14', TRUE, 1672),
  ('wales', DATE '2024-08-15', TRUE, 1673),
  ('wales', DATE '2024-08-16', TRUE, 1674),
  ('wales', DATE '2024-08-17', FALSE, 1674),
  ('wales', DATE '2024-08-18', FALSE, 1674),
  ('wales', DATE '2024-08-19', TRUE, 1675),
  ('wales', DATE '2024-08-20', TRUE, 1676),
  ('wales', DATE '2024-08-21', TRUE, 1677),
  ('wales', DATE '2024-08-22', TRUE, 1678),
  ('wales', DATE '2024-08-23', TRUE, 1679),
  ('wales', DATE '2024-08-24', FALSE, 1679),
  ('wales', DATE '2024-08-25', FALSE, 1679),
  ('wales', DATE '2024-08-26', FALSE, 1679),
  ('wales', DATE '2024-08-27', TRUE, 1680),
  ('wales', DATE '2024-08-28', TRUE, 1681),
  ('wales', DATE '2024-08-29', TRUE, 1682),
  ('wales', DATE '2024-08-30', TRUE, 1683),
  ('wales', DATE '2024-08-31', FALSE, 1683),
  ('wales', DATE '2024-09-01', FALSE, 1683),
  ('wales', DATE '2024-09-02', TRUE, 1684),
  ('wales', DATE '2024-09-03', TRUE, 1685),
  ('wales', DATE '2024-09-04', TRUE, 1686),
  ('wales', DATE '2024-09-05', TRUE, 1687),
  ('wales', DATE '2024-09-06', TRUE, 1688),
  ('wales', DATE '2024-09-07', FALSE, 1688),
  ('wales', DATE '2024-09-08', FALSE, 1688),
  ('wales', DATE '2024-09-09', TRUE, 1689),
  ('wales', DATE '2024-09-10', TRUE, 1690),
  ('wales', DATE '2024-09-11', TRUE, 1691),
  ('wales', DATE '2024-09-12', TRUE, 1692),
  ('wales', DATE '2024-09-13', TRUE, 1693),
  ('wales', DATE '2024-09-14', FALSE, 1693),
  ('wales', DATE '2024-09-15', FALSE, 1693),
  ('wales', DATE '2024-09-16', TRUE, 1694),
  ('wales', DATE '2024-09-17', TRUE, 1695),
  ('wales', DATE '2024-09-18', TRUE, 1696),
  ('wales', DATE '2024-09-19', TRUE, 1697),
  ('wales', DATE '2024-09-20', TRUE, 1698),
  ('wales', DATE '2024-09-21', FALSE, 1698),
  ('wales', DATE '2024-09-22', FALSE, 1698),
  ('wales', DATE '2024-09-23', TRUE, 1699),
  ('wales', DATE '2024-09-24', TRUE, 1700),
  ('wales', DATE '2024-09-25', TRUE, 1701),
  ('wales', DATE '2024-09-26', TRUE, 1702),
  ('wales', DATE '2024-09-27', TRUE, 1703),
  ('wales', DATE '2024-09-28', FALSE, 1703),
  ('wales', DATE '2024-09-29', FALSE, 1703),
  ('wales', DATE '2024-09-30', TRUE, 1704),
  ('wales', DATE '2024-10-01', TRUE, 1705),
  ('wales', DATE '2024-10-02', TRUE, 1706),
  ('wales', DATE '2024-10-03', TRUE, 1707),
  ('wales', DATE '2024-10-04', TRUE, 1708),
  ('wales', DATE '2024-10-05', FALSE, 1708),
  ('wales', DATE '2024-10-06', FALSE, 1708),
  ('wales', DATE '2024-10-07', TRUE, 1709),
  ('wales', DATE '2024-10-08', TRUE, 1710),
  ('wales', DATE '2024-10-09', TRUE, 1711),
  ('wales', DATE '2024-10-10', TRUE, 1712),
  ('wales', DATE '2024-10-11', TRUE, 1713),
  ('wales', DATE '2024-10-12', FALSE, 1713),
  ('wales', DATE '2024-10-13', FALSE, 1713),
  ('wales', DATE '2024-10-14', TRUE, 1714),
  ('wales', DATE '2024-10-15', TRUE, 1715),
  ('wales', DATE '2024-10-16', TRUE, 1716),
  ('wales', DATE '2024-10-17', TRUE, 1717),
  ('wales', DATE '2024-10-18', TRUE, 1718),
  ('wales', DATE '2024-10-19', FALSE, 1718),
  ('wales', DATE '2024-10-20', FALSE, 1718),
  ('wales', DATE '2024-10-21', TRUE, 1719),
  ('wales', DATE '2024-10-22', TRUE, 1720),
  ('wales', DATE '2024-10-23', TRUE, 1721),
  ('wales', DATE '2024-10-24', TRUE, 1722),
  ('wales', DATE '2024-10-25', TRUE, 1723),
  ('wales', DATE '2024-10-26', FALSE, 1723),
  ('wales', DATE '2024-10-27', FALSE, 1723),
  ('wales', DATE '2024-10-28', TRUE, 1724),
  ('wales', DATE '2024-10-29', TRUE, 1725),
  ('wales', DATE '2024-10-30', TRUE, 1726),
  ('wales', DATE '2024-10-31', TRUE, 1727),
  ('wales', DATE '2024-11-01', TRUE, 1728),
  ('wales', DATE '2024-11-02', FALSE, 1728),
  ('wales', DATE '2024-11-03', FALSE, 1728),
  ('wales', DATE '2024-11-04', TRUE, 1729),
  ('wales', DATE '2024-11-05', TRUE, 1730),
  ('wales', DATE '2024-11-06', TRUE, 1731),
  ('wales', DATE '2024-11-07', TRUE, 1732),
  ('wales', DATE '2024-11-08', TRUE, 1733),
  ('wales', DATE '2024-11-09', FALSE, 1733),
  ('wales', DATE '2024-11-10', FALSE, 1733),
  ('wales', DATE '2024-11-11', TRUE, 1734),
  ('wales', DATE '2024-11-12', TRUE, 1735),
  ('wales', DATE '2024-11-13', TRUE, 1736),
  ('wales', DATE '2024-11-14', TRUE, 1737),
  ('wales', DATE '2024-11-15', TRUE, 1738),
  ('wales', DATE '2024-11-16', FALSE, 1738),
  ('wales', DATE '2024-11-17', FALSE, 1738),
  ('wales', DATE '2024-11-18', TRUE, 1739),
  ('wales', DATE '2024-11-19', TRUE, 1740),
  ('wales', DATE '2024-11-20', TRUE, 1741),
  ('wales', DATE '2024-11-21', TRUE, 1742),
  ('wales', DATE '2024-11-22', TRUE, 1743),
  ('wales', DATE '2024-11-23', FALSE, 1743),
  ('wales', DATE '2024-11-24', FALSE, 1743),
  ('wales', DATE '2024-11-25', TRUE, 1744),
  ('wales', DATE '2024-11-26', TRUE, 1745),
  ('wales', DATE '2024-11-27', TRUE, 1746),
  ('wales', DATE '2024-11-28', TRUE, 1747),
  ('wales', DATE '2024-11-29', TRUE, 1748),
  ('wales', DATE '2024-11-30', FALSE, 1748),
  ('wales', DATE '2024-12-01', FALSE, 1748),
  ('wales', DATE '2024-12-02', TRUE, 1749),
  ('wales', DATE '2024-12-03', TRUE, 1750),
  ('wales', DATE '2024-12-04', TRUE, 1751),
  ('wales', DATE '2024-12-05', TRUE, 1752),
  ('wales', DATE '2024-12-06', TRUE, 1753),
  ('wales', DATE '2024-12-07', FALSE, 1753),
  ('wales', DATE '2024-12-08', FALSE, 1753),
  ('wales', DATE '2024-12-09', TRUE, 1754),
  ('wales', DATE '2024-12-10', TRUE, 1755),
  ('wales', DATE '2024-12-11', TRUE, 1756),
  ('wales', DATE '2024-12-12', TRUE, 1757),
  ('wales', DATE '2024-12-13', TRUE, 1758),
  ('wales', DATE '2024-12-14', FALSE, 1758),
  ('wales', DATE '2024-12-15', FALSE, 1758),
  ('wales', DATE '2024-12-16', TRUE, 1759),
  ('wales', DATE '2024-12-17', TRUE, 1760),
  ('wales', DATE '2024-12-18', TRUE, 1761),
  ('wales', DATE '2024-12-19', TRUE, 1762),
  ('wales', DATE '2024-12-20', TRUE, 1763),
  ('wales', DATE '2024-12-21', FALSE, 1763),
  ('wales', DATE '2024-12-22', FALSE, 1763),
  ('wales', DATE '2024-12-23', TRUE, 1764),
  ('wales', DATE '2024-12-24', TRUE, 1765),
  ('wales', DATE '2024-12-25', FALSE, 1765),
  ('wales', DATE '2024-12-26', FALSE, 1765),
  ('wales', DATE '2024-12-27', TRUE, 1766),
  ('wales', DATE '2024-12-28', FALSE, 1766),
  ('wales', DATE '2024-12-29', FALSE, 1766),
  ('wales', DATE '2024-12-30', TRUE, 1767),
  ('wales', DATE '2024-12-31', TRUE, 1768),
  ('wales', DATE '2025-01-01', FALSE, 1768),
  ('wales', DATE '2025-01-02', TRUE, 1769),
  ('wales', DATE '2025-01-03', TRUE, 1770),
  ('wales', DATE '2025-01-04', FALSE, 1770),
  ('wales', DATE '2025-01-05', FALSE, 1770),
  ('wales', DATE '2025-01-06', TRUE, 1771),
  ('wales', DATE '2025-01-07', TRUE, 1772),
  ('wales', DATE '2025-01-08', TRUE, 1773),
  ('wales', DATE '2025-01-09', TRUE, 1774),
  ('wales', DATE '2025-01-10', TRUE, 1775),
  ('wales', DATE '2025-01-11', FALSE, 1775),
  ('wales', DATE '2025-01-12', FALSE, 1775),
  ('wales', DATE '2025-01-13', TRUE, 1776),
  ('wales', DATE '2025-01-14', TRUE, 1777),
  ('wales', DATE '2025-01-15', TRUE, 1778),
  ('wales', DATE '2025-01-16', TRUE, 1779),
  ('wales', DATE '2025-01-17', TRUE, 1780),
  ('wales', DATE '2025-01-18', FALSE, 1780),
  ('wales', DATE '2025-01-19', FALSE, 1780),
  ('wales', DATE '2025-01-20', TRUE, 1781),
  ('wales', DATE '2025-01-21', TRUE, 1782),
  ('wales', DATE '2025-01-22', TRUE, 1783),
  ('wales', DATE '2025-01-23', TRUE, 1784),
  ('wales', DATE '2025-01-24', TRUE, 1785),
  ('wales', DATE '2025-01-25', FALSE, 1785),
  ('wales', DATE '2025-01-26', FALSE, 1785),
  ('wales', DATE '2025-01-27', TRUE, 1786),
  ('wales', DATE '2025-01-28', TRUE, 1787),
  ('wales', DATE '2025-01-29', TRUE, 1788),
  ('wales', DATE '2025-01-30', TRUE, 1789),
  ('wales', DATE '2025-01-31', TRUE, 1790),
  ('wales', DATE '2025-02-01', FALSE, 1790),
  ('wales', DATE '2025-02-02', FALSE, 1790),
  ('wales', DATE '2025-02-03', TRUE, 1791),
  ('wales', DATE '2025-02-04', TRUE, 1792),
  ('wales', DATE '2025-02-05', TRUE, 1793),
  ('wales', DATE '2025-02-06', TRUE, 1794),
  ('wales', DATE '2025-02-07', TRUE, 1795),
  ('wales', DATE '2025-02-08', FALSE, 1795),
  ('wales', DATE '2025-02-09', FALSE, 1795),
  ('wales', DATE '2025-02-10', TRUE, 1796),
  ('wales', DATE '2025-02-11', TRUE, 1797),
  ('wales', DATE '2025-02-12', TRUE, 1798),
  ('wales', DATE '2025-02-13', TRUE, 1799),
  ('wales', DATE '2025-02-14', TRUE, 1800),
  ('wales', DATE '2025-02-15', FALSE, 1800),
  ('wales', DATE '2025-02-16', FALSE, 1800),
  ('wales', DATE '2025-02-17', TRUE, 1801),
  ('wales', DATE '2025-02-18', TRUE, 1802),
  ('wales', DATE '2025-02-19', TRUE, 1803),
  ('wales', DATE '2025-02-20', TRUE, 1804),
  ('wales', DATE '2025-02-21', TRUE, 1805),
  ('wales', DATE '2025-02-22', FALSE, 1805),
  ('wales', DATE '2025-02-23', FALSE, 1805),
  ('wales', DATE '2025-02-24', TRUE, 1806),
  ('wales', DATE '2025-02-25', TRUE, 1807),
  ('wales', DATE '2025-02-26', TRUE, 1808),
  ('wales', DATE '2025-02-27', TRUE, 1809),
  ('wales', DATE '2025-02-28', TRUE, 1810),
  ('wales', DATE '2025-03-01', FALSE, 1810),
  ('wales', DATE '2025-03-02', FALSE, 1810),
  ('wales', DATE '2025-03-03', TRUE, 1811),
  ('wales', DATE '2025-03-04', TRUE, 1812),
  ('wales', DATE '2025-03-05', TRUE, 1813),
  ('wales', DATE '2025-03-06', TRUE, 1814),
  ('wales', DATE '2025-03-07', TRUE, 1815),
  ('wales', DATE '2025-03-08', FALSE, 1815),
  ('wales', DATE '2025-03-09', FALSE, 1815),
  ('wales', DATE '2025-03-10', TRUE, 1816),
  ('wales', DATE '2025-03-11', TRUE, 1817),
  ('wales', DATE '2025-03-12', TRUE, 1818),
  ('wales', DATE '2025-03-13', TRUE, 1819),
  ('wales', DATE '2025-03-14', TRUE, 1820),
  ('wales', DATE '2025-03-15', FALSE, 1820),
  ('wales', DATE '2025-03-16', FALSE, 1820),
  ('wales', DATE '2025-03-17', TRUE, 1821),
  ('wales', DATE '2025-03-18', TRUE, 1822),
  ('wales', DATE '2025-03-19', TRUE, 1823),
  ('wales', DATE '2025-03-20', TRUE, 1824),
  ('wales', DATE '2025-03-21', TRUE, 1825),
  ('wales', DATE '2025-03-22', FALSE, 1825),
  ('wales', DATE '2025-03-23', FALSE, 1825),
  ('wales', DATE '2025-03-24', TRUE, 1826),
  ('wales', DATE '2025-03-25', TRUE, 1827),
  ('wales', DATE '2025-03-26', TRUE, 1828),
  ('wales', DATE '2025-03-27', TRUE, 1829),
  ('wales', DATE '2025-03-28', TRUE, 1830),
  ('wales', DATE '2025-03-29', FALSE, 1830),
  ('wales', DATE '2025-03-30', FALSE, 1830),
  ('wales', DATE '2025-03-31', TRUE, 1831),
  ('wales', DATE '2025-04-01', TRUE, 1832),
  ('wales', DATE '2025-04-02', TRUE, 1833),
  ('wales', DATE '2025-04-03', TRUE, 1834),
  ('wales', DATE '2025-04-04', TRUE, 1835),
  ('wales', DATE '2025-04-05', FALSE, 1835),
  ('wales', DATE '2025-04-06', FALSE, 1835),
  ('wales', DATE '2025-04-07', TRUE, 1836),
  ('wales', DATE '2025-04-08', TRUE, 1837),
  ('wales', DATE '2025-04-09', TRUE, 1838),
  ('wales', DATE '2025-04-10', TRUE, 1839),
  ('wales', DATE '2025-04-11', TRUE, 1840),
  ('wales', DATE '2025-04-12', FALSE, 1840),
  ('wales', DATE '2025-04-13', FALSE, 1840),
  ('wales', DATE '2025-04-14', TRUE, 1841),
  ('wales', DATE '2025-04-15', TRUE, 1842),
  ('wales', DATE '2025-04-16', TRUE, 1843),
  ('wales', DATE '2025-04-17', TRUE, 1844),
  ('wales', DATE '2025-04-18', FALSE, 1844),
  ('wales', DATE '2025-04-19', FALSE, 1844),
  ('wales', DATE '2025-04-20', FALSE, 1844),
  ('wales', DATE '2025-04-21', FALSE, 1844),
  ('wales', DATE '2025-04-22', TRUE, 1845),
  ('wales', DATE '2025-04-23', TRUE, 1846),
  ('wales', DATE '2025-04-24', TRUE, 1847),
  ('wales', DATE '2025-04-25', TRUE, 1848),
  ('wales', DATE '2025-04-26', FALSE, 1848),
  ('wales', DATE '2025-04-27', FALSE, 1848),
  ('wales', DATE '2025-04-28', TRUE, 1849),
  ('wales', DATE '2025-04-29', TRUE, 1850),
  ('wales', DATE '2025-04-30', TRUE, 1851),
  ('wales', DATE '2025-05-01', TRUE, 1852),
  ('wales', DATE '2025-05-02', TRUE, 1853),
  ('wales', DATE '2025-05-03', FALSE, 1853),
  ('wales', DATE '2025-05-04', FALSE, 1853),
  ('wales', DATE '2025-05-05', FALSE, 1853),
  ('wales', DATE '2025-05-06', TRUE, 1854),
  ('wales', DATE '2025-05-07', TRUE, 1855),
  ('wales', DATE '2025-05-08', TRUE, 1856),
  ('wales', DATE '2025-05-09', TRUE, 1857),
  ('wales', DATE '2025-05-10', FALSE, 1857),
  ('wales', DATE '2025-05-11', FALSE, 1857),
  ('wales', DATE '2025-05-12', TRUE, 1858),
  ('wales', DATE '2025-05-13', TRUE, 1859),
  ('wales', DATE '2025-05-14', TRUE, 1860),
  ('wales', DATE '2025-05-15', TRUE, 1861),
  ('wales', DATE '2025-05-16', TRUE, 1862),
  ('wales', DATE '2025-05-17', FALSE, 1862),
  ('wales', DATE '2025-05-18', FALSE, 1862),
  ('wales', DATE '2025-05-19', TRUE, 1863),
  ('wales', DATE '2025-05-20', TRUE, 1864),
  ('wales', DATE '2025-05-21', TRUE, 1865),
  ('wales', DATE '2025-05-22', TRUE, 1866),
  ('wales', DATE '2025-05-23', TRUE, 1867),
  ('wales', DATE '2025-05-24', FALSE, 1867),
  ('wales', DATE '2025-05-25', FALSE, 1867),
  ('wales', DATE '2025-05-26', FALSE, 1867),
  ('wales', DATE '2025-05-27', TRUE, 1868),
  ('wales', DATE '2025-05-28', TRUE, 1869),
  ('wales', DATE '2025-05-29', TRUE, 1870),
  ('wales', DATE '2025-05-30', TRUE, 1871),
  ('wales', DATE '2025-05-31', FALSE, 1871),
  ('wales', DATE '2025-06-01', FALSE, 1871),
  ('wales', DATE '2025-06-02', TRUE, 1872),
  ('wales', DATE '2025-06-03', TRUE, 1873),
  ('wales', DATE '2025-06-04', TRUE, 1874),
  ('wales', DATE '2025-06-05', TRUE, 1875),
  ('wales', DATE '2025-06-06', TRUE, 1876),
  ('wales', DATE '2025-06-07', FALSE, 1876),
  ('wales', DATE '2025-06-08', FALSE, 1876),
  ('wales', DATE '2025-06-09', TRUE, 1877),
  ('wales', DATE '2025-06-10', TRUE, 1878),
  ('wales', DATE '2025-06-11', TRUE, 1879),
  ('wales', DATE '2025-06-12', TRUE, 1880),
  ('wales', DATE '2025-06-13', TRUE, 1881),
  ('wales', DATE '2025-06-14', FALSE, 1881),
  ('wales', DATE '2025-06-15', FALSE, 1881),
  ('wales', DATE '2025-06-16', TRUE, 1882),
  ('wales', DATE '2025-06-17', TRUE, 1883),
  ('wales', DATE '2025-06-18', TRUE, 1884),
  ('wales', DATE '2025-06-19', TRUE, 1885),
  ('wales', DATE '2025-06-20', TRUE, 1886),
  ('wales', DATE '2025-06-21', FALSE, 1886),
  ('wales', DATE '2025-06-22', FALSE, 1886),
  ('wales', DATE '2025-06-23', TRUE, 1887),
  ('wales', DATE '2025-06-24', TRUE, 1888),
  ('wales', DATE '2025-06-25', TRUE, 1889),
  ('wales', DATE '2025-06-26', TRUE, 1890),
  ('wales', DATE '2025-06-27', TRUE, 1891),
  ('wales', DATE '2025-06-28', FALSE, 1891),
  ('wales', DATE '2025-06-29', FALSE, 1891),
  ('wales', DATE '2025-06-30', TRUE, 1892),
  ('wales', DATE '2025-07-01', TRUE, 1893),
  ('wales', DATE '2025-07-02', TRUE, 1894),
  ('wales', DATE '2025-07-03', TRUE, 1895),
  ('wales', DATE '2025-07-04', TRUE, 1896),
  ('wales', DATE '2025-07-05', FALSE, 1896),
  ('wales', DATE '2025-07-06', FALSE, 1896),
  ('wales', DATE '2025-07-07', TRUE, 1897),
  ('wales', DATE '2025-07-08', TRUE, 1898),
  ('wales', DATE '2025-07-09', TRUE, 1899),
  ('wales', DATE '2025-07-10', TRUE, 1900),
  ('wales', DATE '2025-07-11', TRUE, 1901),
  ('wales', DATE '2025-07-12', FALSE, 1901),
  ('wales', DATE '2025-07-13', FALSE, 1901),
  ('wales', DATE '2025-07-14', TRUE, 1902),
  ('wales', DATE '2025-07-15', TRUE, 1903),
  ('wales', DATE '2025-07-16', TRUE, 1904),
  ('wales', DATE '2025-07-17', TRUE, 1905),
  ('wales', DATE '2025-07-18', TRUE, 1906),
  ('wales', DATE '2025-07-19', FALSE, 1906),
  ('wales', DATE '2025-07-20', FALSE, 1906),
  ('wales', DATE '2025-07-21', TRUE, 1907),
  ('wales', DATE '2025-07-22', TRUE, 1908),
  ('wales', DATE '2025-07-23', TRUE, 1909),
  ('wales', DATE '2025-07-24', TRUE, 1910),
  ('wales', DATE '2025-07-25', TRUE, 1911),
  ('wales', DATE '2025-07-26', FALSE, 1911),
  ('wales', DATE '2025-07-27', FALSE, 1911),
  ('wales', DATE '2025-07-28', TRUE, 1912),
  ('wales', DATE '2025-07-29', TRUE, 1913),
  ('wales', DATE '2025-07-30', TRUE, 1914),
  ('wales', DATE '2025-07-31', TRUE, 1915),
  ('wales', DATE '2025-08-01', TRUE, 1916),
  ('wales', DATE '2025-08-02', FALSE, 1916),
  ('wales', DATE '2025-08-03', FALSE, 1916),
  ('wales', DATE '2025-08-04', TRUE, 1917),
  ('wales', DATE '2025-08-05', TRUE, 1918),
  ('wales', DATE '2025-08-06', TRUE, 1919),
  ('wales', DATE '2025-08-07', TRUE, 1920),
  ('wales', DATE '2025-08-08', TRUE, 1921),
  ('wales', DATE '2025-08-09', FALSE, 1921),
  ('wales', DATE '2025-08-10', FALSE, 1921),
  ('wales', DATE '2025-08-11', TRUE, 1922),
  ('wales', DATE '2025-08-12', TRUE, 1923),
  ('wales', DATE '2025-08-13', TRUE, 1924),
  ('wales', DATE '2025-08-14', TRUE, 1925),
  ('wales', DATE '2025-08-15', TRUE, 1926),
  ('wales', DATE '2025-08-16', FALSE, 1926),
  ('wales', DATE '2025-08-17', FALSE, 1926),
  ('wales', DATE '2025-08-18', TRUE, 1927),
  ('wales', DATE '2025-08-19', TRUE, 1928),
  ('wales', DATE '2025-08-20', TRUE, 1929),
  ('wales', DATE '2025-08-21', TRUE, 1930),
  ('wales', DATE '2025-08-22', TRUE, 1931),
  ('wales', DATE '2025-08-23', FALSE, 1931),
  ('wales', DATE '2025-08-24', FALSE, 1931),
  ('wales', DATE '2025-08-25', FALSE, 1931),
  ('wales', DATE '2025-08-26', TRUE, 1932),
  ('wales', DATE '2025-08-27', TRUE, 1933),
  ('wales', DATE '2025-08-28', TRUE, 1934),
  ('wales', DATE '2025-08-29', TRUE, 1935),
  ('wales', DATE '2025-08-30', FALSE, 1935),
  ('wales', DATE '2025-08-31', FALSE, 1935),
  ('wales', DATE '2025-09-01', TRUE, 1936),
  ('wales', DATE '2025-09-02', TRUE, 1937),
  ('wales', DATE '2025-09-03', TRUE, 1938),
  ('wales', DATE '2025-09-04', TRUE, 1939),
  ('wales', DATE '2025-09-05', TRUE, 1940),
  ('wales', DATE '2025-09-06', FALSE, 1940),
  ('wales', DATE '2025-09-07', FALSE, 1940),
  ('wales', DATE '2025-09-08', TRUE, 1941),
  ('wales', DATE '2025-09-09', TRUE, 1942),
  ('wales', DATE '2025-09-10', TRUE, 1943),
  ('wales', DATE '2025-09-11', TRUE, 1944),
  ('wales', DATE '2025-09-12', TRUE, 1945),
  ('wales', DATE '2025-09-13', FALSE, 1945),
  ('wales', DATE '2025-09-14', FALSE, 1945),
  ('wales', DATE '2025-09-15', TRUE, 1946),
  ('wales', DATE '2025-09-16', TRUE, 1947),
  ('wales', DATE '2025-09-17', TRUE, 1948),
  ('wales', DATE '2025-09-18', TRUE, 1949),
  ('wales', DATE '2025-09-19', TRUE, 1950),
  ('wales', DATE '2025-09-20', FALSE, 1950),
  ('wales', DATE '2025-09-21', FALSE, 1950),
  ('wales', DATE '2025-09-22', TRUE, 1951),
  ('wales', DATE '2025-09-23', TRUE, 1952),
  ('wales', DATE '2025-09-24', TRUE, 1953),
  ('wales', DATE '2025-09-25', TRUE, 1954),
  ('wales', DATE '2025-09-26', TRUE, 1955),
  ('wales', DATE '2025-09-27', FALSE, 1955),
  ('wales', DATE '2025-09-28', FALSE, 1955),
  ('wales', DATE '2025-09-29', TRUE, 1956),
  ('wales', DATE '2025-09-30', TRUE, 1957),
  ('wales', DATE '2025-10-01', TRUE, 1958),
  ('wales', DATE '2025-10-02', TRUE, 1959),
  ('wales', DATE '2025-10-03', TRUE, 1960),
  ('wales', DATE '2025-10-04', FALSE, 1960),
  ('wales', DATE '2025-10-05', FALSE, 1960),
  ('wales', DATE '2025-10-06', TRUE, 1961),
  ('wales', DATE '2025-10-07', TRUE, 1962),
  ('wales', DATE '2025-10-08', TRUE, 1963),
  ('wales', DATE '2025-10-09', TRUE, 1964),
  ('wales', DATE '2025-10-10', TRUE, 1965),
  ('wales', DATE '2025-10-11', FALSE, 1965),
  ('wales', DATE '2025-10-12', FALSE, 1965),
  ('wales', DATE '2025-10-13', TRUE, 1966),
  ('wales', DATE '2025-10-14', TRUE, 1967),
  ('wales', DATE '2025-10-15', TRUE, 1968),
  ('wales', DATE '2025-10-16', TRUE, 1969),
  ('wales', DATE '2025-10-17', TRUE, 1970),
  ('wales', DATE '2025-10-18', FALSE, 1970),
  ('wales', DATE '2025-10-19', FALSE, 1970),
  ('wales', DATE '2025-10-20', TRUE, 1971),
  ('wales', DATE '2025-10-21', TRUE, 1972),
  ('wales', DATE '2025-10-22', TRUE, 1973),
  ('wales', DATE '2025-10-23', TRUE, 1974),
  ('wales', DATE '2025-10-24', TRUE, 1975),
  ('wales', DATE '2025-10-25', FALSE, 1975),
  ('wales', DATE '2025-10-26', FALSE, 1975),
  ('wales', DATE '2025-10-27', TRUE, 1976),
  ('wales', DATE '2025-10-28', TRUE, 1977),
  ('wales', DATE '2025-10-29', TRUE, 1978),
  ('wales', DATE '2025-10-30', TRUE, 1979),
  ('wales', DATE '2025-10-31', TRUE, 1980),
  ('wales', DATE '2025-11-01', FALSE, 1980),
  ('wales', DATE '2025-11-02', FALSE, 1980),
  ('wales', DATE '2025-11-03', TRUE, 1981),
  ('wales', DATE '2025-11-04', TRUE, 1982),
  ('wales', DATE '2025-11-05', TRUE, 1983),
  ('wales', DATE '2025-11-06', TRUE, 1984),
  ('wales', DATE '2025-11-07', TRUE, 1985),
  ('wales', DATE '2025-11-08', FALSE, 1985),
  ('wales', DATE '2025-11-09', FALSE, 1985),
  ('wales', DATE '2025-11-10', TRUE, 1986),
  ('wales', DATE '2025-11-11', TRUE, 1987),
  ('wales', DATE '2025-11-12', TRUE, 1988),
  ('wales', DATE '2025-11-13', TRUE, 1989),
  ('wales', DATE '2025-11-14', TRUE, 1990),
  ('wales', DATE '2025-11-15', FALSE, 1990),
  ('wales', DATE '2025-11-16', FALSE, 1990),
  ('wales', DATE '2025-11-17', TRUE, 1991),
  ('wales', DATE '2025-11-18', TRUE, 1992),
  ('wales', DATE '2025-11-19', TRUE, 1993),
  ('wales', DATE '2025-11-20', TRUE, 1994),
  ('wales', DATE '2025-11-21', TRUE, 1995),
  ('wales', DATE '2025-11-22', FALSE, 1995),
  ('wales', DATE '2025-11-23', FALSE, 1995),
  ('wales', DATE '2025-11-24', TRUE, 1996),
  ('wales', DATE '2025-11-25', TRUE, 1997),
  ('wales', DATE '2025-11-26', TRUE, 1998),
  ('wales', DATE '2025-11-27', TRUE, 1999),
  ('wales', DATE '2025-11-28', TRUE, 2000),
  ('wales', DATE '2025-11-29', FALSE, 2000),
  ('wales', DATE '2025-11-30', FALSE, 2000),
  ('wales', DATE '2025-12-01', TRUE, 2001),
  ('wales', DATE '2025-12-02', TRUE, 2002),
  ('wales', DATE '2025-12-03', TRUE, 2003),
  ('wales', DATE '2025-12-04', TRUE, 2004),
  ('wales', DATE '2025-12-05', TRUE, 2005),
  ('wales', DATE '2025-12-06', FALSE, 2005),
  ('wales', DATE '2025-12-07', FALSE, 2005),
  ('wales', DATE '2025-12-08', TRUE, 2006),
  ('wales', DATE '2025-12-09', TRUE, 2007),
  ('wales', DATE '2025-12-10', TRUE, 2008),
  ('wales', DATE '2025-12-11', TRUE, 2009),
  ('wales', DATE '2025-12-12', TRUE, 2010),
  ('wales', DATE '2025-12-13', FALSE, 2010),
  ('wales', DATE '2025-12-14', FALSE, 2010),
  ('wales', DATE '2025-12-15', TRUE, 2011),
  ('wales', DATE '2025-12-16', TRUE, 2012),
  ('wales', DATE '2025-12-17', TRUE, 2013),
  ('wales', DATE '2025-12-18', TRUE, 2014),
  ('wales', DATE '2025-12-19', TRUE, 2015),
  ('wales', DATE '2025-12-20', FALSE, 2015),
  ('wales', DATE '2025-12-21', FALSE, 2015),
  ('wales', DATE '2025-12-22', TRUE, 2016),
  ('wales', DATE '2025-12-23', TRUE, 2017),
  ('wales', DATE '2025-12-24', TRUE, 2018),
  ('wales', DATE '2025-12-25', FALSE, 2018),
  ('wales', DATE '2025-12-26', FALSE, 2018),
  ('wales', DATE '2025-12-27', FALSE, 2018),
  ('wales', DATE '2025-12-28', FALSE, 2018),
  ('wales', DATE '2025-12-29', TRUE, 2019),
  ('wales', DATE '2025-12-30', TRUE, 2020),
  ('wales', DATE '2025-12-31', TRUE, 2021),
  ('wales', DATE '2026-01-01', FALSE, 2021),
  ('wales', DATE '2026-01-02', TRUE, 2022),
  ('wales', DATE '2026-01-03', FALSE, 2022),
  ('wales', DATE '2026-01-04', FALSE, 2022),
  ('wales', DATE '2026-01-05', TRUE, 2023),
  ('wales', DATE '2026-01-06', TRUE, 2024),
  ('wales', DATE '2026-01-07', TRUE, 2025),
  ('wales', DATE '2026-01-08', TRUE, 2026),
  ('wales', DATE '2026-01-09', TRUE, 2027),
  ('wales', DATE '2026-01-10', FALSE, 2027),
  ('wales', DATE '2026-01-11', FALSE, 2027),
  ('wales', DATE '2026-01-12', TRUE, 2028),
  ('wales', DATE '2026-01-13', TRUE, 2029),
  ('wales', DATE '2026-01-14', TRUE, 2030),
  ('wales', DATE '2026-01-15', TRUE, 2031),
  ('wales', DATE '2026-01-16', TRUE, 2032),
  ('wales', DATE '2026-01-17', FALSE, 2032),
  ('wales', DATE '2026-01-18', FALSE, 2032),
  ('wales', DATE '2026-01-19', TRUE, 2033),
  ('wales', DATE '2026-01-20', TRUE, 2034),
  ('wales', DATE '2026-01-21', TRUE, 2035),
  ('wales', DATE '2026-01-22', TRUE, 2036),
  ('wales', DATE '2026-01-23', TRUE, 2037),
  ('wales', DATE '2026-01-24', FALSE, 2037),
  ('wales', DATE '2026-01-25', FALSE, 2037),
  ('wales', DATE '2026-01-26', TRUE, 2038),
  ('wales', DATE '2026-01-27', TRUE, 2039),
  ('wales', DATE '2026-01-28', TRUE, 2040),
  ('wales', DATE '2026-01-29', TRUE, 2041),
  ('wales', DATE '2026-01-30', TRUE, 2042),
  ('wales', DATE '2026-01-31', FALSE, 2042),
  ('wales', DATE '2026-02-01', FALSE, 2042),
  ('wales', DATE '2026-02-02', TRUE, 2043),
  ('wales', DATE '2026-02-03', TRUE, 2044),
  ('wales', DATE '2026-02-04', TRUE, 2045),
  ('wales', DATE '2026-02-05', TRUE, 2046),
  ('wales', DATE '2026-02-06', TRUE, 2047),
  ('wales', DATE '2026-02-07', FALSE, 2047),
  ('wales', DATE '2026-02-08', FALSE, 2047),
  ('wales', DATE '2026-02-09', TRUE, 2048),
  ('wales', DATE '2026-02-10', TRUE, 2049),
  ('wales', DATE '2026-02-11', TRUE, 2050),
  ('wales', DATE '2026-02-12', TRUE, 2051),
  ('wales', DATE '2026-02-13', TRUE, 2052),
  ('wales', DATE '2026-02-14', FALSE, 2052),
  ('wales', DATE '2026-02-15', FALSE, 2052),
  ('wales', DATE '2026-02-16', TRUE, 2053),
  ('wales', DATE '2026-02-17', TRUE, 2054),
  ('wales', DATE '2026-02-18', TRUE, 2055),
  ('wales', DATE '2026-02-19', TRUE, 2056),
  ('wales', DATE '2026-02-20', TRUE, 2057),
  ('wales', DATE '2026-02-21', FALSE, 2057),
  ('wales', DATE '2026-02-22', FALSE, 2057),
  ('wales', DATE '2026-02-23', TRUE, 2058),
  ('wales', DATE '2026-02-24', TRUE, 2059),
  ('wales', DATE '2026-02-25', TRUE, 2060),
  ('wales', DATE '2026-02-26', TRUE, 2061),
  ('wales', DATE '2026-02-27', TRUE, 2062),
  ('wales', DATE '2026-02-28', FALSE, 2062),
  ('wales', DATE '2026-03-01', FALSE, 2062),
  ('wales', DATE '2026-03-02', TRUE, 2063),
  ('wales', DATE '2026-03-03', TRUE, 2064),
  ('wales', DATE '2026-03-04', TRUE, 2065),
  ('wales', DATE '2026-03-05', TRUE, 2066),
  ('wales', DATE '2026-03-06', TRUE, 2067),
  ('wales', DATE '2026-03-07', FALSE, 2067),
  ('wales', DATE '2026-03-08', FALSE, 2067),
  ('wales', DATE '2026-03-09', TRUE, 2068),
  ('wales', DATE '2026-03-10', TRUE, 2069),
  ('wales', DATE '2026-03-11', TRUE, 2070),
  ('wales', DATE '2026-03-12', TRUE, 2071),
  ('wales', DATE '2026-03-13', TRUE, 2072),
  ('wales', DATE '2026-03-14', FALSE, 2072),
  ('wales', DATE '2026-03-15', FALSE, 2072),
  ('wales', DATE '2026-03-16', TRUE, 2073),
  ('wales', DATE '2026-03-17', TRUE, 2074),
  ('wales', DATE '2026-03-18', TRUE, 2075),
  ('wales', DATE '2026-03-19', TRUE, 2076),
  ('wales', DATE '2026-03-20', TRUE, 2077),
  ('wales', DATE '2026-03-21', FALSE, 2077),
  ('wales', DATE '2026-03-22', FALSE, 2077),
  ('wales', DATE '2026-03-23', TRUE, 2078),
  ('wales', DATE '2026-03-24', TRUE, 2079),
  ('wales', DATE '2026-03-25', TRUE, 2080),
  ('wales', DATE '2026-03-26', TRUE, 2081),
  ('wales', DATE '2026-03-27', TRUE, 2082),
  ('wales', DATE '2026-03-28', FALSE, 2082),
  ('wales', DATE '2026-03-29', FALSE, 2082),
  ('wales', DATE '2026-03-30', TRUE, 2083),
  ('wales', DATE '2026-03-31', TRUE, 2084),
  ('wales', DATE '2026-04-01', TRUE, 2085),
  ('wales', DATE '2026-04-02', TRUE, 2086),
  ('wales', DATE '2026-04-03', FALSE, 2086),
  ('wales', DATE '2026-04-04', FALSE, 2086),
  ('wales', DATE '2026-04-05', FALSE, 2086),
  ('wales', DATE '2026-04-06', FALSE, 2086),
  ('wales', DATE '2026-04-07', TRUE, 2087),
  ('wales', DATE '2026-04-08', TRUE, 2088),
  ('wales', DATE '2026-04-09', TRUE, 2089),
  ('wales', DATE '2026-04-10', TRUE, 2090),
  ('wales', DATE '2026-04-11', FALSE, 2090),
  ('wales', DATE '2026-04-12', FALSE, 2090),
  ('wales', DATE '2026-04-13', TRUE, 2091),
  ('wales', DATE '2026-04-14', TRUE, 2092),
  ('wales', DATE '2026-04-15', TRUE, 2093),
  ('wales', DATE '2026-04-16', TRUE, 2094),
  ('wales', DATE '2026-04-17', TRUE, 2095),
  ('wales', DATE '2026-04-18', FALSE, 2095),
  ('wales', DATE '2026-04-19', FALSE, 2095),
  ('wales', DATE '2026-04-20', TRUE, 2096),
  ('wales', DATE '2026-04-21', TRUE, 2097),
  ('wales', DATE '2026-04-22', TRUE, 2098),
  ('wales', DATE '2026-04-23', TRUE, 2099),
  ('wales', DATE '2026-04-24', TRUE, 2100),
  ('wales', DATE '2026-04-25', FALSE, 2100),
  ('wales', DATE '2026-04-26', FALSE, 2100),
  ('wales', DATE '2026-04-27', TRUE, 2101),
  ('wales', DATE '2026-04-28', TRUE, 2102),
  ('wales', DATE '2026-04-29', TRUE, 2103),
  ('wales', DATE '2026-04-30', TRUE, 2104),
  ('wales', DATE '2026-05-01', TRUE, 2105),
  ('wales', DATE '2026-05-02', FALSE, 2105),
  ('wales', DATE '2026-05-03', FALSE, 2105),
  ('wales', DATE '2026-05-04', FALSE, 2105),
  ('wales', DATE '2026-05-05', TRUE, 2106),
  ('wales', DATE '2026-05-06', TRUE, 2107),
  ('wales', DATE '2026-05-07', TRUE, 2108),
  ('wales', DATE '2026-05-08', TRUE, 2109),
  ('wales', DATE '2026-05-09', FALSE, 2109),
  ('wales', DATE '2026-05-10', FALSE, 2109),
  ('wales', DATE '2026-05-11', TRUE, 2110),
  ('wales', DATE '2026-05-12', TRUE, 2111),
  ('wales', DATE '2026-05-13', TRUE, 2112),
  ('wales', DATE '2026-05-14', TRUE, 2113),
  ('wales', DATE '2026-05-15', TRUE, 2114),
  ('wales', DATE '2026-05-16', FALSE, 2114),
  ('wales', DATE '2026-05-17', FALSE, 2114),
  ('wales', DATE '2026-05-18', TRUE, 2115),
  ('wales', DATE '2026-05-19', TRUE, 2116),
  ('wales', DATE '2026-05-20', TRUE, 2117),
  ('wales', DATE '2026-05-21', TRUE, 2118),
  ('wales', DATE '2026-05-22', TRUE, 2119),
  ('wales', DATE '2026-05-23', FALSE, 2119),
  ('wales', DATE '2026-05-24', FALSE, 2119),
  ('wales', DATE '2026-05-25', FALSE, 2119),
  ('wales', DATE '2026-05-26', TRUE, 2120),
  ('wales', DATE '2026-05-27', TRUE, 2121),
  ('wales', DATE '2026-05-28', TRUE, 2122),
  ('wales', DATE '2026-05-29', TRUE, 2123),
  ('wales', DATE '2026-05-30', FALSE, 2123),
  ('wales', DATE '2026-05-31', FALSE, 2123),
  ('wales', DATE '2026-06-01', TRUE, 2124),
  ('wales', DATE '2026-06-02', TRUE, 2125),
  ('wales', DATE '2026-06-03', TRUE, 2126),
  ('wales', DATE '2026-06-04', TRUE, 2127),
  ('wales', DATE '2026-06-05', TRUE, 2128),
  ('wales', DATE '2026-06-06', FALSE, 2128),
  ('wales', DATE '2026-06-07', FALSE, 2128),
  ('wales', DATE '2026-06-08', TRUE, 2129),
  ('wales', DATE '2026-06-09', TRUE, 2130),
  ('wales', DATE '2026-06-10', TRUE, 2131),
  ('wales', DATE '2026-06-11', TRUE, 2132),
  ('wales', DATE '2026-06-12', TRUE, 2133),
  ('wales', DATE '2026-06-13', FALSE, 2133),
  ('wales', DATE '2026-06-14', FALSE, 2133),
  ('wales', DATE '2026-06-15', TRUE, 2134),
  ('wales', DATE '2026-06-16', TRUE, 2135),
  ('wales', DATE '2026-06-17', TRUE, 2136),
  ('wales', DATE '2026-06-18', TRUE, 2137),
  ('wales', DATE '2026-06-19', TRUE, 2138),
  ('wales', DATE '2026-06-20', FALSE, 2138),
  ('wales', DATE '2026-06-21', FALSE, 2138),
  ('wales', DATE '2026-06-22', TRUE, 2139),
  ('wales', DATE '2026-06-23', TRUE, 2140),
  ('wales', DATE '2026-06-24', TRUE, 2141),
  ('wales', DATE '2026-06-25', TRUE, 2142),
  ('wales', DATE '2026-06-26', TRUE, 2143),
  ('wales', DATE '2026-06-27', FALSE, 2143),
  ('wales', DATE '2026-06-28', FALSE, 2143),
  ('wales', DATE '2026-06-29', TRUE, 2144),
  ('wales', DATE '2026-06-30', TRUE, 2145),
  ('wales', DATE '2026-07-01', TRUE, 2146),
  ('wales', DATE '2026-07-02', TRUE, 2147),
  ('wales', DATE '2026-07-03', TRUE, 2148),
  ('wales', DATE '2026-07-04', FALSE, 2148),
  ('wales', DATE '2026-07-05', FALSE, 2148),
  ('wales', DATE '2026-07-06', TRUE, 2149),
  ('wales', DATE '2026-07-07', TRUE, 2150),
  ('wales', DATE '2026-07-08', TRUE, 2151),
  ('wales', DATE '2026-07-09', TRUE, 2152),
  ('wales', DATE '2026-07-10', TRUE, 2153),
  ('wales', DATE '2026-07-11', FALSE, 2153),
  ('wales', DATE '2026-07-12', FALSE, 2153),
  ('wales', DATE '2026-07-13', TRUE, 2154),
  ('wales', DATE '2026-07-14', TRUE, 2155),
  ('wales', DATE '2026-07-15', TRUE, 2156),
  ('wales', DATE '2026-07-16', TRUE, 2157),
  ('wales', DATE '2026-07-17', TRUE, 2158),
  ('wales', DATE '2026-07-18', FALSE, 2158),
  ('wales', DATE '2026-07-19', FALSE, 2158),
  ('wales', DATE '2026-07-20', TRUE, 2159),
  ('wales', DATE '2026-07-21', TRUE, 2160),
  ('wales', DATE '2026-07-22', TRUE, 2161),
  ('wales', DATE '2026-07-23', TRUE, 2162),
  ('wales', DATE '2026-07-24', TRUE, 2163),
  ('wales', DATE '2026-07-25', FALSE, 2163),
  ('wales', DATE '2026-07-26', FALSE, 2163),
  ('wales', DATE '2026-07-27', TRUE, 2164),
  ('wales', DATE '2026-07-28', TRUE, 2165),
  ('wales', DATE '2026-07-29', TRUE, 2166),
  ('wales', DATE '2026-07-30', TRUE, 2167),
  ('wales', DATE '2026-07-31', TRUE, 2168),
  ('wales', DATE '2026-08-01', FALSE, 2168),
  ('wales', DATE '2026-08-02', FALSE, 2168),
  ('wales', DATE '2026-08-03', TRUE, 2169),
  ('wales', DATE '2026-08-04', TRUE, 2170),
  ('wales', DATE '2026-08-05', TRUE, 2171),
  ('wales', DATE '2026-08-06', TRUE, 2172),
  ('wales', DATE '2026-08-07', TRUE, 2173),
  ('wales', DATE '2026-08-08', FALSE, 2173),
  ('wales', DATE '2026-08-09', FALSE, 2173),
  ('wales', DATE '2026-08-10', TRUE, 2174),
  ('wales', DATE '2026-08-11', TRUE, 2175),
  ('wales', DATE '2026-08-12', TRUE, 2176),
  ('wales', DATE '2026-08-13', TRUE, 2177),
  ('wales', DATE '2026-08-14', TRUE, 2178),
  ('wales', DATE '2026-08-15', FALSE, 2178),
  ('wales', DATE '2026-08-16', FALSE, 2178),
  ('wales', DATE '2026-08-17', TRUE, 2179),
  ('wales', DATE '2026-08-18', TRUE, 2180),
  ('wales', DATE '2026-08-19', TRUE, 2181),
  ('wales', DATE '2026-08-20', TRUE, 2182),
  ('wales', DATE '2026-08-21', TRUE, 2183),
  ('wales', DATE '2026-08-22', FALSE, 2183),
  ('wales', DATE '2026-08-23', FALSE, 2183),
  ('wales', DATE '2026-08-24', TRUE, 2184),
  ('wales', DATE '2026-08-25', TRUE, 2185),
  ('wales', DATE '2026-08-26', TRUE, 2186),
  ('wales', DATE '2026-08-27', TRUE, 2187),
  ('wales', DATE '2026-08-28', TRUE, 2188),
  ('wales', DATE '2026-08-29', FALSE, 2188),
  ('wales', DATE '2026-08-30', FALSE, 2188),
  ('wales', DATE '2026-08-31', FALSE, 2188),
  ('wales', DATE '2026-09-01', TRUE, 2189),
  ('wales', DATE '2026-09-02', TRUE, 2190),
  ('wales', DATE '2026-09-03', TRUE, 2191),
  ('wales', DATE '2026-09-04', TRUE, 2192),
  ('wales', DATE '2026-09-05', FALSE, 2192),
  ('wales', DATE '2026-09-06', FALSE, 2192),
  ('wales', DATE '2026-09-07', TRUE, 2193),
  ('wales', DATE '2026-09-08', TRUE, 2194),
  ('wales', DATE '2026-09-09', TRUE, 2195),
  ('wales', DATE '2026-09-10', TRUE, 2196),
  ('wales', DATE '2026-09-11', TRUE, 2197),
  ('wales', DATE '2026-09-12', FALSE, 2197),
  ('wales', DATE '2026-09-13', FALSE, 2197),
  ('wales', DATE '2026-09-14', TRUE, 2198),
  ('wales', DATE '2026-09-15', TRUE, 2199),
  ('wales', DATE '2026-09-16', TRUE, 2200),
  ('wales', DATE '2026-09-17', TRUE, 2201),
  ('wales', DATE '2026-09-18', TRUE, 2202),
  ('wales', DATE '2026-09-19', FALSE, 2202),
  ('wales', DATE '2026-09-20', FALSE, 2202),
  ('wales', DATE '2026-09-21', TRUE, 2203),
  ('wales', DATE '2026-09-22', TRUE, 2204),
  ('wales', DATE '2026-09-23', TRUE, 2205),
  ('wales', DATE '2026-09-24', TRUE, 2206),
  ('wales', DATE '2026-09-25', TRUE, 2207),
  ('wales', DATE '2026-09-26', FALSE, 2207),
  ('wales', DATE '2026-09-27', FALSE, 2207),
  ('wales', DATE '2026-09-28', TRUE, 2208),
  ('wales', DATE '2026-09-29', TRUE, 2209),
  ('wales', DATE '2026-09-30', TRUE, 2210),
  ('wales', DATE '2026-10-01', TRUE, 2211),
  ('wales', DATE '2026-10-02', TRUE, 2212),
  ('wales', DATE '2026-10-03', FALSE, 2212),
  ('wales', DATE '2026-10-04', FALSE, 2212),
  ('wales', DATE '2026-10-05', TRUE, 2213),
  ('wales', DATE '2026-10-06', TRUE, 2214),
  ('wales', DATE '2026-10-07', TRUE, 2215),
  ('wales', DATE '2026-10-08', TRUE, 2216),
  ('wales', DATE '2026-10-09', TRUE, 2217),
  ('wales', DATE '2026-10-10', FALSE, 2217),
  ('wales', DATE '2026-10-11', FALSE, 2217),
  ('wales', DATE '2026-10-12', TRUE, 2218),
  ('wales', DATE '2026-10-13', TRUE, 2219),
  ('wales', DATE '2026-10-14', TRUE, 2220),
  ('wales', DATE '2026-10-15', TRUE, 2221),
  ('wales', DATE '2026-10-16', TRUE, 2222),
  ('wales', DATE '2026-10-17', FALSE, 2222),
  ('wales', DATE '2026-10-18', FALSE, 2222),
  ('wales', DATE '2026-10-19', TRUE, 2223),
  ('wales', DATE '2026-10-20', TRUE, 2224),
  ('wales', DATE '2026-10-21', TRUE, 2225),
  ('wales', DATE '2026-10-22', TRUE, 2226),
  ('wales', DATE '2026-10-23', TRUE, 2227),
  ('wales', DATE '2026-10-24', FALSE, 2227),
  ('wales', DATE '2026-10-25', FALSE, 2227),
  ('wales', DATE '2026-10-26', TRUE, 2228),
  ('wales', DATE '2026-10-27', TRUE, 2229),
  ('wales', DATE '2026-10-28', TRUE, 2230),
  ('wales', DATE '2026-10-29', TRUE, 2231),
  ('wales', DATE '2026-10-30', TRUE, 2232),
  ('wales', DATE '2026-10-31', FALSE, 2232),
  ('wales', DATE '2026-11-01', FALSE, 2232),
  ('wales', DATE '2026-11-02', TRUE, 2233),
  ('wales', DATE '2026-11-03', TRUE, 2234),
  ('wales', DATE '2026-11-04', TRUE, 2235),
  ('wales', DATE '2026-11-05', TRUE, 2236),
  ('wales', DATE '2026-11-06', TRUE, 2237),
  ('wales', DATE '2026-11-07', FALSE, 2237),
  ('wales', DATE '2026-11-08', FALSE, 2237),
  ('wales', DATE '2026-11-09', TRUE, 2238),
  ('wales', DATE '2026-11-10', TRUE, 2239),
  ('wales', DATE '2026-11-11', TRUE, 2240),
  ('wales', DATE '2026-11-12', TRUE, 2241),
  ('wales', DATE '2026-11-13', TRUE, 2242),
  ('wales', DATE '2026-11-14', FALSE, 2242),
  ('wales', DATE '2026-11-15', FALSE, 2242),
  ('wales', DATE '2026-11-16', TRUE, 2243),
  ('wales', DATE '2026-11-17', TRUE, 2244),
  ('wales', DATE '2026-11-18', TRUE, 2245),
  ('wales', DATE '2026-11-19', TRUE, 2246),
  ('wales', DATE '2026-11-20', TRUE, 2247),
  ('wales', DATE '2026-11-21', FALSE, 2247),
  ('wales', DATE '2026-11-22', FALSE, 2247),
  ('wales', DATE '2026-11-23', TRUE, 2248),
  ('wales', DATE '2026-11-24', TRUE, 2249),
  ('wales', DATE '2026-11-25', TRUE, 2250),
  ('wales', DATE '2026-11-26', TRUE, 2251),
  ('wales', DATE '2026-11-27', TRUE, 2252),
  ('wales', DATE '2026-11-28', FALSE, 2252),
  ('wales', DATE '2026-11-29', FALSE, 2252),
  ('wales', DATE '2026-11-30', TRUE, 2253),
  ('wales', DATE '2026-12-01', TRUE, 2254),
  ('wales', DATE '2026-12-02', TRUE, 2255),
  ('wales', DATE '2026-12-03', TRUE, 2256),
  ('wales', DATE '2026-12-04', TRUE, 2257),
  ('wales', DATE '2026-12-05', FALSE, 2257),
  ('wales', DATE '2026-12-06', FALSE, 2257),
  ('wales', DATE '2026-12-07', TRUE, 2258),
  ('wales', DATE '2026-12-08', TRUE, 2259),
  ('wales', DATE '2026-12-09', TRUE, 2260),
  ('wales', DATE '2026-12-10', TRUE, 2261),
  ('wales', DATE '2026-12-11', TRUE, 2262),
  ('wales', DATE '2026-12-12', FALSE, 2262),
  ('wales', DATE '2026-12-13', FALSE, 2262),
  ('wales', DATE '2026-12-14', TRUE, 2263),
  ('wales', DATE '2026-12-15', TRUE, 2264),
  ('wales', DATE '2026-12-16', TRUE, 2265),
  ('wales', DATE '2026-12-17', TRUE, 2266),
  ('wales', DATE '2026-12-18', TRUE, 2267),
  ('wales', DATE '2026-12-19', FALSE, 2267),
  ('wales', DATE '2026-12-20', FALSE, 2267),
  ('wales', DATE '2026-12-21', TRUE, 2268),
  ('wales', DATE '2026-12-22', TRUE, 2269),
  ('wales', DATE '2026-12-23', TRUE, 2270),
  ('wales', DATE '2026-12-24', TRUE, 2271),
  ('wales', DATE '2026-12-25', FALSE, 2271),
  ('wales', DATE '2026-12-26', FALSE, 2271),
  ('wales', DATE '2026-12-27', FALSE, 2271),
  ('wales', DATE '2026-12-28', FALSE, 2271),
  ('wales', DATE '2026-12-29', TRUE, 2272),
  ('wales', DATE '2026-12-30', TRUE, 2273),
  ('wales', DATE '2026-12-31', TRUE, 2274)
) AS pmf_days("calendar", "date", "is_working_day", "working_day_number");

-- The figures: one row per authority in the tables and data item with a counting rule.
WITH pmf_authorities AS (
  SELECT "authority" AS authority FROM "contact"
  UNION
  SELECT "authority" AS authority FROM "assessment"
  UNION
  SELECT "authority" AS authority FROM "plan"
  UNION
  SELECT "authority" AS authority FROM "episode"
  UNION
  SELECT "authority" AS authority FROM "registration"
  UNION
  SELECT "authority" AS authority FROM "strategy_discussion"
  UNION
  SELECT "authority" AS authority FROM "section_47"
  UNION
  SELECT "authority" AS authority FROM "conference"
  UNION
  SELECT "authority" AS authority FROM "core_group"
  UNION
  SELECT "authority" AS authority FROM "adult_report"
  UNION
  SELECT "authority" AS authority FROM "adult_enquiry"
  UNION
  SELECT "authority" AS authority FROM "carer_offer"
  UNION
  SELECT "authority" AS authority FROM "dols_application"
)
SELECT authority, code, value FROM (
  SELECT pmf_a.authority AS authority, 'AD/001' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r1."authority" AS pmf_authority, r1."id" AS pmf_counted
    FROM "contact" r1 CROSS JOIN pmf_period p2
    WHERE COALESCE(CAST(CAST(r1."received" AS TIMESTAMP) AS DATE) >= p2.period_start AND CAST(CAST(r1."received" AS TIMESTAMP) AS DATE) <= p2.period_end, FALSE)
      AND COALESCE(r1."about" IN ('adult'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/002a' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r3."authority" AS pmf_authority, r3."id" AS pmf_counted
    FROM "contact" r3 CROSS JOIN pmf_period p4
    WHERE COALESCE(CAST(CAST(r3."received" AS TIMESTAMP) AS DATE) >= p4.period_start AND CAST(CAST(r3."received" AS TIMESTAMP) AS DATE) <= p4.period_end, FALSE)
      AND COALESCE(r3."about" IN ('adult'), FALSE)
      AND COALESCE(r3."outcome" IN ('information_only'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/002b' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r5."authority" AS pmf_authority, r5."id" AS pmf_counted
    FROM "contact" r5 CROSS JOIN pmf_period p6
    WHERE COALESCE(CAST(CAST(r5."received" AS TIMESTAMP) AS DATE) >= p6.period_start AND CAST(CAST(r5."received" AS TIMESTAMP) AS DATE) <= p6.period_end, FALSE)
      AND COALESCE(r5."about" IN ('adult'), FALSE)
      AND COALESCE(r5."outcome" IN ('advice_assistance'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/002c' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r7."authority" AS pmf_authority, r7."id" AS pmf_counted
    FROM "contact" r7 CROSS JOIN pmf_period p8
    WHERE COALESCE(CAST(CAST(r7."received" AS TIMESTAMP) AS DATE) >= p8.period_start AND CAST(CAST(r7."received" AS TIMESTAMP) AS DATE) <= p8.period_end, FALSE)
      AND COALESCE(r7."about" IN ('adult'), FALSE)
      AND COALESCE(r7."outcome" IN ('screened_out'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/003' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r9."authority" AS pmf_authority, r9."id" AS pmf_counted
    FROM "contact" r9 CROSS JOIN pmf_period p10
    LEFT JOIN pmf_calendar w11 ON w11."calendar" = 'wales' AND w11."date" = CAST(CAST(r9."decided" AS TIMESTAMP) AS DATE)
    LEFT JOIN pmf_calendar w12 ON w12."calendar" = 'wales' AND w12."date" = CAST(CAST(r9."received" AS TIMESTAMP) AS DATE)
    WHERE COALESCE(CAST(CAST(r9."received" AS TIMESTAMP) AS DATE) >= p10.period_start AND CAST(CAST(r9."received" AS TIMESTAMP) AS DATE) <= p10.period_end, FALSE)
      AND COALESCE(r9."about" IN ('adult'), FALSE)
      AND COALESCE(r9."outcome" IN ('information_only', 'advice_assistance'), FALSE)
      AND COALESCE(CAST(CAST(r9."decided" AS TIMESTAMP) AS DATE) >= CAST(CAST(r9."received" AS TIMESTAMP) AS DATE) AND w11."working_day_number" - w12."working_day_number" <= 1, FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/004a' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r13."authority" AS pmf_authority, r13."id" AS pmf_counted
    FROM "contact" r13 CROSS JOIN pmf_period p14
    WHERE COALESCE(CAST(CAST(r13."received" AS TIMESTAMP) AS DATE) >= p14.period_start AND CAST(CAST(r13."received" AS TIMESTAMP) AS DATE) <= p14.period_end, FALSE)
      AND COALESCE(r13."about" IN ('adult'), FALSE)
      AND COALESCE(r13."source" IN ('self_family'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/004b' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r15."authority" AS pmf_authority, r15."id" AS pmf_counted
    FROM "contact" r15 CROSS JOIN pmf_period p16
    WHERE COALESCE(CAST(CAST(r15."received" AS TIMESTAMP) AS DATE) >= p16.period_start AND CAST(CAST(r15."received" AS TIMESTAMP) AS DATE) <= p16.period_end, FALSE)
      AND COALESCE(r15."about" IN ('adult'), FALSE)
      AND COALESCE(r15."source" IN ('friend_neighbour'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/004c' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r17."authority" AS pmf_authority, r17."id" AS pmf_counted
    FROM "contact" r17 CROSS JOIN pmf_period p18
    WHERE COALESCE(CAST(CAST(r17."received" AS TIMESTAMP) AS DATE) >= p18.period_start AND CAST(CAST(r17."received" AS TIMESTAMP) AS DATE) <= p18.period_end, FALSE)
      AND COALESCE(r17."about" IN ('adult'), FALSE)
      AND COALESCE(r17."source" IN ('health'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/004d' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r19."authority" AS pmf_authority, r19."id" AS pmf_counted
    FROM "contact" r19 CROSS JOIN pmf_period p20
    WHERE COALESCE(CAST(CAST(r19."received" AS TIMESTAMP) AS DATE) >= p20.period_start AND CAST(CAST(r19."received" AS TIMESTAMP) AS DATE) <= p20.period_end, FALSE)
      AND COALESCE(r19."about" IN ('adult'), FALSE)
      AND COALESCE(r19."source" IN ('education'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/004e' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r21."authority" AS pmf_authority, r21."id" AS pmf_counted
    FROM "contact" r21 CROSS JOIN pmf_period p22
    WHERE COALESCE(CAST(CAST(r21."received" AS TIMESTAMP) AS DATE) >= p22.period_start AND CAST(CAST(r21."received" AS TIMESTAMP) AS DATE) <= p22.period_end, FALSE)
      AND COALESCE(r21."about" IN ('adult'), FALSE)
      AND COALESCE(r21."source" IN ('police'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/004f' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r23."authority" AS pmf_authority, r23."id" AS pmf_counted
    FROM "contact" r23 CROSS JOIN pmf_period p24
    WHERE COALESCE(CAST(CAST(r23."received" AS TIMESTAMP) AS DATE) >= p24.period_start AND CAST(CAST(r23."received" AS TIMESTAMP) AS DATE) <= p24.period_end, FALSE)
      AND COALESCE(r23."about" IN ('adult'), FALSE)
      AND COALESCE(r23."source" IN ('probation'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/004g' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r25."authority" AS pmf_authority, r25."id" AS pmf_counted
    FROM "contact" r25 CROSS JOIN pmf_period p26
    WHERE COALESCE(CAST(CAST(r25."received" AS TIMESTAMP) AS DATE) >= p26.period_start AND CAST(CAST(r25."received" AS TIMESTAMP) AS DATE) <= p26.period_end, FALSE)
      AND COALESCE(r25."about" IN ('adult'), FALSE)
      AND COALESCE(r25."source" IN ('housing'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/004h' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r27."authority" AS pmf_authority, r27."id" AS pmf_counted
    FROM "contact" r27 CROSS JOIN pmf_period p28
    WHERE COALESCE(CAST(CAST(r27."received" AS TIMESTAMP) AS DATE) >= p28.period_start AND CAST(CAST(r27."received" AS TIMESTAMP) AS DATE) <= p28.period_end, FALSE)
      AND COALESCE(r27."about" IN ('adult'), FALSE)
      AND COALESCE(r27."source" IN ('early_intervention'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/004i' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r29."authority" AS pmf_authority, r29."id" AS pmf_counted
    FROM "contact" r29 CROSS JOIN pmf_period p30
    WHERE COALESCE(CAST(CAST(r29."received" AS TIMESTAMP) AS DATE) >= p30.period_start AND CAST(CAST(r29."received" AS TIMESTAMP) AS DATE) <= p30.period_end, FALSE)
      AND COALESCE(r29."about" IN ('adult'), FALSE)
      AND COALESCE(r29."source" IN ('third_sector'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/004j' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r31."authority" AS pmf_authority, r31."id" AS pmf_counted
    FROM "contact" r31 CROSS JOIN pmf_period p32
    WHERE COALESCE(CAST(CAST(r31."received" AS TIMESTAMP) AS DATE) >= p32.period_start AND CAST(CAST(r31."received" AS TIMESTAMP) AS DATE) <= p32.period_end, FALSE)
      AND COALESCE(r31."about" IN ('adult'), FALSE)
      AND COALESCE(r31."source" IN ('internal'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/004k' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r33."authority" AS pmf_authority, r33."id" AS pmf_counted
    FROM "contact" r33 CROSS JOIN pmf_period p34
    WHERE COALESCE(CAST(CAST(r33."received" AS TIMESTAMP) AS DATE) >= p34.period_start AND CAST(CAST(r33."received" AS TIMESTAMP) AS DATE) <= p34.period_end, FALSE)
      AND COALESCE(r33."about" IN ('adult'), FALSE)
      AND COALESCE(r33."source" IN ('other'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/005' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r35."authority" AS pmf_authority, r35."id" AS pmf_counted
    FROM "contact" r35 CROSS JOIN pmf_period p36
    WHERE COALESCE(CAST(CAST(r35."received" AS TIMESTAMP) AS DATE) >= p36.period_start AND CAST(CAST(r35."received" AS TIMESTAMP) AS DATE) <= p36.period_end, FALSE)
      AND COALESCE(r35."about" IN ('adult'), FALSE)
      AND EXISTS (
      SELECT 1
      FROM "contact" r37 CROSS JOIN pmf_period p38
      WHERE r37."authority" = r35."authority"
        AND r37."person" = r35."person"
        AND r37."id" <> r35."id"
        AND COALESCE(CAST(CAST(r35."received" AS TIMESTAMP) AS DATE) >= CAST(CAST(r37."received" AS TIMESTAMP) AS DATE) AND CAST(CAST(r35."received" AS TIMESTAMP) AS DATE) <= CAST(CAST(CAST(r37."received" AS TIMESTAMP) AS DATE) + INTERVAL 12 MONTH AS DATE), FALSE)
        AND COALESCE(r37."outcome" IN ('advice_assistance'), FALSE)
    )
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/028' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r39."authority" AS pmf_authority, r39."id" AS pmf_counted
    FROM "adult_report" r39 CROSS JOIN pmf_period p40
    WHERE COALESCE(CAST(CAST(r39."received" AS TIMESTAMP) AS DATE) >= p40.period_start AND CAST(CAST(r39."received" AS TIMESTAMP) AS DATE) <= p40.period_end, FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/029a' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r41."authority" AS pmf_authority, r41."id" AS pmf_counted
    FROM "adult_report" r41 CROSS JOIN pmf_period p42
    WHERE COALESCE(CAST(CAST(r41."received" AS TIMESTAMP) AS DATE) >= p42.period_start AND CAST(CAST(r41."received" AS TIMESTAMP) AS DATE) <= p42.period_end, FALSE)
      AND COALESCE(r41."source" IN ('self'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/029b' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r43."authority" AS pmf_authority, r43."id" AS pmf_counted
    FROM "adult_report" r43 CROSS JOIN pmf_period p44
    WHERE COALESCE(CAST(CAST(r43."received" AS TIMESTAMP) AS DATE) >= p44.period_start AND CAST(CAST(r43."received" AS TIMESTAMP) AS DATE) <= p44.period_end, FALSE)
      AND COALESCE(r43."source" IN ('spouse_family'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/029c' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r45."authority" AS pmf_authority, r45."id" AS pmf_counted
    FROM "adult_report" r45 CROSS JOIN pmf_period p46
    WHERE COALESCE(CAST(CAST(r45."received" AS TIMESTAMP) AS DATE) >= p46.period_start AND CAST(CAST(r45."received" AS TIMESTAMP) AS DATE) <= p46.period_end, FALSE)
      AND COALESCE(r45."source" IN ('friend_neighbour'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/029d' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r47."authority" AS pmf_authority, r47."id" AS pmf_counted
    FROM "adult_report" r47 CROSS JOIN pmf_period p48
    WHERE COALESCE(CAST(CAST(r47."received" AS TIMESTAMP) AS DATE) >= p48.period_start AND CAST(CAST(r47."received" AS TIMESTAMP) AS DATE) <= p48.period_end, FALSE)
      AND COALESCE(r47."source" IN ('health'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/029e' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r49."authority" AS pmf_authority, r49."id" AS pmf_counted
    FROM "adult_report" r49 CROSS JOIN pmf_period p50
    WHERE COALESCE(CAST(CAST(r49."received" AS TIMESTAMP) AS DATE) >= p50.period_start AND CAST(CAST(r49."received" AS TIMESTAMP) AS DATE) <= p50.period_end, FALSE)
      AND COALESCE(r49."source" IN ('police'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/029f' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r51."authority" AS pmf_authority, r51."id" AS pmf_counted
    FROM "adult_report" r51 CROSS JOIN pmf_period p52
    WHERE COALESCE(CAST(CAST(r51."received" AS TIMESTAMP) AS DATE) >= p52.period_start AND CAST(CAST(r51."received" AS TIMESTAMP) AS DATE) <= p52.period_end, FALSE)
      AND COALESCE(r51."source" IN ('probation'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/029g' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r53."authority" AS pmf_authority, r53."id" AS pmf_counted
    FROM "adult_report" r53 CROSS JOIN pmf_period p54
    WHERE COALESCE(CAST(CAST(r53."received" AS TIMESTAMP) AS DATE) >= p54.period_start AND CAST(CAST(r53."received" AS TIMESTAMP) AS DATE) <= p54.period_end, FALSE)
      AND COALESCE(r53."source" IN ('housing'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/029h' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r55."authority" AS pmf_authority, r55."id" AS pmf_counted
    FROM "adult_report" r55 CROSS JOIN pmf_period p56
    WHERE COALESCE(CAST(CAST(r55."received" AS TIMESTAMP) AS DATE) >= p56.period_start AND CAST(CAST(r55."received" AS TIMESTAMP) AS DATE) <= p56.period_end, FALSE)
      AND COALESCE(r55."source" IN ('early_intervention'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/029i' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r57."authority" AS pmf_authority, r57."id" AS pmf_counted
    FROM "adult_report" r57 CROSS JOIN pmf_period p58
    WHERE COALESCE(CAST(CAST(r57."received" AS TIMESTAMP) AS DATE) >= p58.period_start AND CAST(CAST(r57."received" AS TIMESTAMP) AS DATE) <= p58.period_end, FALSE)
      AND COALESCE(r57."source" IN ('third_sector'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/029j' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r59."authority" AS pmf_authority, r59."id" AS pmf_counted
    FROM "adult_report" r59 CROSS JOIN pmf_period p60
    WHERE COALESCE(CAST(CAST(r59."received" AS TIMESTAMP) AS DATE) >= p60.period_start AND CAST(CAST(r59."received" AS TIMESTAMP) AS DATE) <= p60.period_end, FALSE)
      AND COALESCE(r59."source" IN ('internal'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/029k' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r61."authority" AS pmf_authority, r61."id" AS pmf_counted
    FROM "adult_report" r61 CROSS JOIN pmf_period p62
    WHERE COALESCE(CAST(CAST(r61."received" AS TIMESTAMP) AS DATE) >= p62.period_start AND CAST(CAST(r61."received" AS TIMESTAMP) AS DATE) <= p62.period_end, FALSE)
      AND COALESCE(r61."source" IN ('other'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/030' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r63."authority" AS pmf_authority, r63."id" AS pmf_counted
    FROM "adult_report" r63 CROSS JOIN pmf_period p64
    WHERE COALESCE(CAST(CAST(r63."received" AS TIMESTAMP) AS DATE) >= p64.period_start AND CAST(CAST(r63."received" AS TIMESTAMP) AS DATE) <= p64.period_end, FALSE)
      AND r63."enquiry" IS NOT NULL
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/031' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r65."authority" AS pmf_authority, r65."id" AS pmf_counted
    FROM "adult_enquiry" r65 CROSS JOIN pmf_period p66
    WHERE COALESCE(CAST(r65."completed" AS DATE) >= p66.period_start AND CAST(r65."completed" AS DATE) <= p66.period_end, FALSE)
      AND COALESCE(CAST(r65."completed" AS DATE) >= CAST(r65."report_received" AS DATE) AND CAST(r65."completed" AS DATE) <= (CAST(r65."report_received" AS DATE) + 7), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/039' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r67."authority" AS pmf_authority, r67."id" AS pmf_counted
    FROM "dols_application" r67 CROSS JOIN pmf_period p68
    WHERE COALESCE(CAST(r67."received" AS DATE) >= p68.period_start AND CAST(r67."received" AS DATE) <= p68.period_end, FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'AD/040' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r69."authority" AS pmf_authority, r69."id" AS pmf_counted
    FROM "dols_application" r69 CROSS JOIN pmf_period p70
    WHERE COALESCE(CAST(r69."authorised" AS DATE) >= p70.period_start AND CAST(r69."authorised" AS DATE) <= p70.period_end, FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/001' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r71."authority" AS pmf_authority, r71."id" AS pmf_counted
    FROM "contact" r71 CROSS JOIN pmf_period p72
    WHERE COALESCE(CAST(CAST(r71."received" AS TIMESTAMP) AS DATE) >= p72.period_start AND CAST(CAST(r71."received" AS TIMESTAMP) AS DATE) <= p72.period_end, FALSE)
      AND COALESCE(r71."about" IN ('child'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/002a' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r73."authority" AS pmf_authority, r73."id" AS pmf_counted
    FROM "contact" r73 CROSS JOIN pmf_period p74
    WHERE COALESCE(CAST(CAST(r73."received" AS TIMESTAMP) AS DATE) >= p74.period_start AND CAST(CAST(r73."received" AS TIMESTAMP) AS DATE) <= p74.period_end, FALSE)
      AND COALESCE(r73."about" IN ('child'), FALSE)
      AND COALESCE(r73."outcome" IN ('information_only'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/002b' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r75."authority" AS pmf_authority, r75."id" AS pmf_counted
    FROM "contact" r75 CROSS JOIN pmf_period p76
    WHERE COALESCE(CAST(CAST(r75."received" AS TIMESTAMP) AS DATE) >= p76.period_start AND CAST(CAST(r75."received" AS TIMESTAMP) AS DATE) <= p76.period_end, FALSE)
      AND COALESCE(r75."about" IN ('child'), FALSE)
      AND COALESCE(r75."outcome" IN ('advice_assistance'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/002c' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r77."authority" AS pmf_authority, r77."id" AS pmf_counted
    FROM "contact" r77 CROSS JOIN pmf_period p78
    WHERE COALESCE(CAST(CAST(r77."received" AS TIMESTAMP) AS DATE) >= p78.period_start AND CAST(CAST(r77."received" AS TIMESTAMP) AS DATE) <= p78.period_end, FALSE)
      AND COALESCE(r77."about" IN ('child'), FALSE)
      AND COALESCE(r77."outcome" IN ('screened_out'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/003' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r79."authority" AS pmf_authority, r79."id" AS pmf_counted
    FROM "contact" r79 CROSS JOIN pmf_period p80
    LEFT JOIN pmf_calendar w81 ON w81."calendar" = 'wales' AND w81."date" = CAST(CAST(r79."decided" AS TIMESTAMP) AS DATE)
    LEFT JOIN pmf_calendar w82 ON w82."calendar" = 'wales' AND w82."date" = CAST(CAST(r79."received" AS TIMESTAMP) AS DATE)
    WHERE COALESCE(CAST(CAST(r79."received" AS TIMESTAMP) AS DATE) >= p80.period_start AND CAST(CAST(r79."received" AS TIMESTAMP) AS DATE) <= p80.period_end, FALSE)
      AND COALESCE(r79."about" IN ('child'), FALSE)
      AND COALESCE(CAST(CAST(r79."decided" AS TIMESTAMP) AS DATE) >= CAST(CAST(r79."received" AS TIMESTAMP) AS DATE) AND w81."working_day_number" - w82."working_day_number" <= 1, FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/004a' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r83."authority" AS pmf_authority, r83."id" AS pmf_counted
    FROM "contact" r83 CROSS JOIN pmf_period p84
    WHERE COALESCE(CAST(CAST(r83."received" AS TIMESTAMP) AS DATE) >= p84.period_start AND CAST(CAST(r83."received" AS TIMESTAMP) AS DATE) <= p84.period_end, FALSE)
      AND COALESCE(r83."about" IN ('child'), FALSE)
      AND COALESCE(r83."source" IN ('self_family'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/004b' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r85."authority" AS pmf_authority, r85."id" AS pmf_counted
    FROM "contact" r85 CROSS JOIN pmf_period p86
    WHERE COALESCE(CAST(CAST(r85."received" AS TIMESTAMP) AS DATE) >= p86.period_start AND CAST(CAST(r85."received" AS TIMESTAMP) AS DATE) <= p86.period_end, FALSE)
      AND COALESCE(r85."about" IN ('child'), FALSE)
      AND COALESCE(r85."source" IN ('friend_neighbour'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/004c' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r87."authority" AS pmf_authority, r87."id" AS pmf_counted
    FROM "contact" r87 CROSS JOIN pmf_period p88
    WHERE COALESCE(CAST(CAST(r87."received" AS TIMESTAMP) AS DATE) >= p88.period_start AND CAST(CAST(r87."received" AS TIMESTAMP) AS DATE) <= p88.period_end, FALSE)
      AND COALESCE(r87."about" IN ('child'), FALSE)
      AND COALESCE(r87."source" IN ('health'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/004d' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r89."authority" AS pmf_authority, r89."id" AS pmf_counted
    FROM "contact" r89 CROSS JOIN pmf_period p90
    WHERE COALESCE(CAST(CAST(r89."received" AS TIMESTAMP) AS DATE) >= p90.period_start AND CAST(CAST(r89."received" AS TIMESTAMP) AS DATE) <= p90.period_end, FALSE)
      AND COALESCE(r89."about" IN ('child'), FALSE)
      AND COALESCE(r89."source" IN ('education'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/004e' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r91."authority" AS pmf_authority, r91."id" AS pmf_counted
    FROM "contact" r91 CROSS JOIN pmf_period p92
    WHERE COALESCE(CAST(CAST(r91."received" AS TIMESTAMP) AS DATE) >= p92.period_start AND CAST(CAST(r91."received" AS TIMESTAMP) AS DATE) <= p92.period_end, FALSE)
      AND COALESCE(r91."about" IN ('child'), FALSE)
      AND COALESCE(r91."source" IN ('police'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/004f' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r93."authority" AS pmf_authority, r93."id" AS pmf_counted
    FROM "contact" r93 CROSS JOIN pmf_period p94
    WHERE COALESCE(CAST(CAST(r93."received" AS TIMESTAMP) AS DATE) >= p94.period_start AND CAST(CAST(r93."received" AS TIMESTAMP) AS DATE) <= p94.period_end, FALSE)
      AND COALESCE(r93."about" IN ('child'), FALSE)
      AND COALESCE(r93."source" IN ('probation'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/004g' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r95."authority" AS pmf_authority, r95."id" AS pmf_counted
    FROM "contact" r95 CROSS JOIN pmf_period p96
    WHERE COALESCE(CAST(CAST(r95."received" AS TIMESTAMP) AS DATE) >= p96.period_start AND CAST(CAST(r95."received" AS TIMESTAMP) AS DATE) <= p96.period_end, FALSE)
      AND COALESCE(r95."about" IN ('child'), FALSE)
      AND COALESCE(r95."source" IN ('housing'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/004h' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r97."authority" AS pmf_authority, r97."id" AS pmf_counted
    FROM "contact" r97 CROSS JOIN pmf_period p98
    WHERE COALESCE(CAST(CAST(r97."received" AS TIMESTAMP) AS DATE) >= p98.period_start AND CAST(CAST(r97."received" AS TIMESTAMP) AS DATE) <= p98.period_end, FALSE)
      AND COALESCE(r97."about" IN ('child'), FALSE)
      AND COALESCE(r97."source" IN ('early_intervention'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/004i' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r99."authority" AS pmf_authority, r99."id" AS pmf_counted
    FROM "contact" r99 CROSS JOIN pmf_period p100
    WHERE COALESCE(CAST(CAST(r99."received" AS TIMESTAMP) AS DATE) >= p100.period_start AND CAST(CAST(r99."received" AS TIMESTAMP) AS DATE) <= p100.period_end, FALSE)
      AND COALESCE(r99."about" IN ('child'), FALSE)
      AND COALESCE(r99."source" IN ('third_sector'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/004j' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r101."authority" AS pmf_authority, r101."id" AS pmf_counted
    FROM "contact" r101 CROSS JOIN pmf_period p102
    WHERE COALESCE(CAST(CAST(r101."received" AS TIMESTAMP) AS DATE) >= p102.period_start AND CAST(CAST(r101."received" AS TIMESTAMP) AS DATE) <= p102.period_end, FALSE)
      AND COALESCE(r101."about" IN ('child'), FALSE)
      AND COALESCE(r101."source" IN ('internal'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/004k' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r103."authority" AS pmf_authority, r103."id" AS pmf_counted
    FROM "contact" r103 CROSS JOIN pmf_period p104
    WHERE COALESCE(CAST(CAST(r103."received" AS TIMESTAMP) AS DATE) >= p104.period_start AND CAST(CAST(r103."received" AS TIMESTAMP) AS DATE) <= p104.period_end, FALSE)
      AND COALESCE(r103."about" IN ('child'), FALSE)
      AND COALESCE(r103."source" IN ('other'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/005' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r105."authority" AS pmf_authority, r105."id" AS pmf_counted
    FROM "contact" r105 CROSS JOIN pmf_period p106
    WHERE COALESCE(CAST(CAST(r105."received" AS TIMESTAMP) AS DATE) >= p106.period_start AND CAST(CAST(r105."received" AS TIMESTAMP) AS DATE) <= p106.period_end, FALSE)
      AND COALESCE(r105."about" IN ('child'), FALSE)
      AND EXISTS (
      SELECT 1
      FROM "contact" r107 CROSS JOIN pmf_period p108
      WHERE r107."authority" = r105."authority"
        AND r107."person" = r105."person"
        AND r107."id" <> r105."id"
        AND COALESCE(CAST(CAST(r105."received" AS TIMESTAMP) AS DATE) >= CAST(CAST(r107."received" AS TIMESTAMP) AS DATE) AND CAST(CAST(r105."received" AS TIMESTAMP) AS DATE) <= CAST(CAST(CAST(r107."received" AS TIMESTAMP) AS DATE) + INTERVAL 12 MONTH AS DATE), FALSE)
        AND COALESCE(r107."outcome" IN ('advice_assistance'), FALSE)
    )
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/012' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r109."authority" AS pmf_authority, r109."id" AS pmf_counted
    FROM "assessment" r109 CROSS JOIN pmf_period p110
    LEFT JOIN pmf_calendar w111 ON w111."calendar" = 'wales' AND w111."date" = CAST(r109."completed" AS DATE)
    LEFT JOIN pmf_calendar w112 ON w112."calendar" = 'wales' AND w112."date" = CAST(r109."referred" AS DATE)
    WHERE COALESCE(CAST(r109."completed" AS DATE) >= p110.period_start AND CAST(r109."completed" AS DATE) <= p110.period_end, FALSE)
      AND COALESCE(r109."about" IN ('child'), FALSE)
      AND COALESCE(CAST(r109."completed" AS DATE) >= CAST(r109."referred" AS DATE) AND w111."working_day_number" - w112."working_day_number" <= 42, FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/015' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r113."authority" AS pmf_authority, r113."person" AS pmf_counted
    FROM "plan" r113 CROSS JOIN pmf_period p114
    WHERE COALESCE(CAST(r113."started" AS DATE) <= p114.period_end, FALSE) AND (r113."ended" IS NULL OR CAST(r113."ended" AS DATE) > p114.period_end)
      AND COALESCE(r113."about" IN ('child'), FALSE)
      AND COALESCE(r113."kind" IN ('care_support'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/020' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r115."authority" AS pmf_authority, r115."id" AS pmf_counted
    FROM "strategy_discussion" r115 CROSS JOIN pmf_period p116
    WHERE COALESCE(CAST(r115."held" AS DATE) >= p116.period_start AND CAST(r115."held" AS DATE) <= p116.period_end, FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/021' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r117."authority" AS pmf_authority, r117."id" AS pmf_counted
    FROM "strategy_discussion" r117 CROSS JOIN pmf_period p118
    WHERE COALESCE(CAST(r117."held" AS DATE) >= p118.period_start AND CAST(r117."held" AS DATE) <= p118.period_end, FALSE)
      AND r117."section_47" IS NOT NULL
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/022' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r119."authority" AS pmf_authority, r119."id" AS pmf_counted
    FROM "section_47" r119 CROSS JOIN pmf_period p120
    WHERE COALESCE(CAST(r119."completed" AS DATE) >= p120.period_start AND CAST(r119."completed" AS DATE) <= p120.period_end, FALSE)
      AND r119."conference" IS NOT NULL
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/024' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r121."authority" AS pmf_authority, r121."person" AS pmf_counted
    FROM "registration" r121 CROSS JOIN pmf_period p122
    WHERE COALESCE(CAST(r121."registered" AS DATE) >= p122.period_start AND CAST(r121."registered" AS DATE) <= p122.period_end, FALSE)
      AND EXISTS (
      SELECT 1
      FROM "registration" r123 CROSS JOIN pmf_period p124
      WHERE r123."authority" = r121."authority"
        AND r123."person" = r121."person"
        AND r123."id" <> r121."id"
        AND COALESCE(CAST(r121."registered" AS DATE) >= CAST(r123."deregistered" AS DATE) AND CAST(r121."registered" AS DATE) <= CAST(CAST(r123."deregistered" AS DATE) + INTERVAL 12 MONTH AS DATE), FALSE)
    )
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/025' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r125."authority" AS pmf_authority, r125."id" AS pmf_counted
    FROM "conference" r125 CROSS JOIN pmf_period p126
    LEFT JOIN pmf_calendar w127 ON w127."calendar" = 'wales' AND w127."date" = CAST(r125."held" AS DATE)
    LEFT JOIN pmf_calendar w128 ON w128."calendar" = 'wales' AND w128."date" = CAST(r125."strategy" AS DATE)
    WHERE COALESCE(CAST(r125."held" AS DATE) >= p126.period_start AND CAST(r125."held" AS DATE) <= p126.period_end, FALSE)
      AND COALESCE(CAST(r125."held" AS DATE) >= CAST(r125."strategy" AS DATE) AND w127."working_day_number" - w128."working_day_number" <= 15, FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/026' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r129."authority" AS pmf_authority, r129."person" AS pmf_counted
    FROM "registration" r129 CROSS JOIN pmf_period p130
    WHERE COALESCE(CAST(r129."registered" AS DATE) <= p130.period_end, FALSE) AND (r129."deregistered" IS NULL OR CAST(r129."deregistered" AS DATE) > p130.period_end)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/027' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r131."authority" AS pmf_authority, r131."id" AS pmf_counted
    FROM "core_group" r131 CROSS JOIN pmf_period p132
    WHERE COALESCE(CAST(r131."held" AS DATE) >= p132.period_start AND CAST(r131."held" AS DATE) <= p132.period_end, FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/028' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r133."authority" AS pmf_authority, r133."id" AS pmf_counted
    FROM "core_group" r133 CROSS JOIN pmf_period p134
    LEFT JOIN pmf_calendar w135 ON w135."calendar" = 'wales' AND w135."date" = CAST(r133."held" AS DATE)
    LEFT JOIN pmf_calendar w136 ON w136."calendar" = 'wales' AND w136."date" = CAST(r133."conference" AS DATE)
    WHERE COALESCE(CAST(r133."held" AS DATE) >= p134.period_start AND CAST(r133."held" AS DATE) <= p134.period_end, FALSE)
      AND COALESCE(CAST(r133."held" AS DATE) >= CAST(r133."conference" AS DATE) AND w135."working_day_number" - w136."working_day_number" <= 10, FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/036' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r137."authority" AS pmf_authority, r137."person" AS pmf_counted
    FROM "registration" r137 CROSS JOIN pmf_period p138
    WHERE COALESCE(CAST(r137."deregistered" AS DATE) >= p138.period_start AND CAST(r137."deregistered" AS DATE) <= p138.period_end, FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/038a' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r139."authority" AS pmf_authority, r139."person" AS pmf_counted
    FROM "registration" r139 CROSS JOIN pmf_period p140
    WHERE COALESCE(CAST(r139."deregistered" AS DATE) >= p140.period_start AND CAST(r139."deregistered" AS DATE) <= p140.period_end, FALSE)
      AND COALESCE(r139."category" IN ('neglect'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/038b' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r141."authority" AS pmf_authority, r141."person" AS pmf_counted
    FROM "registration" r141 CROSS JOIN pmf_period p142
    WHERE COALESCE(CAST(r141."deregistered" AS DATE) >= p142.period_start AND CAST(r141."deregistered" AS DATE) <= p142.period_end, FALSE)
      AND COALESCE(r141."category" IN ('physical'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/038c' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r143."authority" AS pmf_authority, r143."person" AS pmf_counted
    FROM "registration" r143 CROSS JOIN pmf_period p144
    WHERE COALESCE(CAST(r143."deregistered" AS DATE) >= p144.period_start AND CAST(r143."deregistered" AS DATE) <= p144.period_end, FALSE)
      AND COALESCE(r143."category" IN ('sexual'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/038d' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r145."authority" AS pmf_authority, r145."person" AS pmf_counted
    FROM "registration" r145 CROSS JOIN pmf_period p146
    WHERE COALESCE(CAST(r145."deregistered" AS DATE) >= p146.period_start AND CAST(r145."deregistered" AS DATE) <= p146.period_end, FALSE)
      AND COALESCE(r145."category" IN ('emotional'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/038e' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r147."authority" AS pmf_authority, r147."person" AS pmf_counted
    FROM "registration" r147 CROSS JOIN pmf_period p148
    WHERE COALESCE(CAST(r147."deregistered" AS DATE) >= p148.period_start AND CAST(r147."deregistered" AS DATE) <= p148.period_end, FALSE)
      AND COALESCE(r147."category" IN ('financial'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/038f' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r149."authority" AS pmf_authority, r149."person" AS pmf_counted
    FROM "registration" r149 CROSS JOIN pmf_period p150
    WHERE COALESCE(CAST(r149."deregistered" AS DATE) >= p150.period_start AND CAST(r149."deregistered" AS DATE) <= p150.period_end, FALSE)
      AND COALESCE(r149."category" IN ('neglect_physical'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/038g' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r151."authority" AS pmf_authority, r151."person" AS pmf_counted
    FROM "registration" r151 CROSS JOIN pmf_period p152
    WHERE COALESCE(CAST(r151."deregistered" AS DATE) >= p152.period_start AND CAST(r151."deregistered" AS DATE) <= p152.period_end, FALSE)
      AND COALESCE(r151."category" IN ('physical_sexual'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/038h' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r153."authority" AS pmf_authority, r153."person" AS pmf_counted
    FROM "registration" r153 CROSS JOIN pmf_period p154
    WHERE COALESCE(CAST(r153."deregistered" AS DATE) >= p154.period_start AND CAST(r153."deregistered" AS DATE) <= p154.period_end, FALSE)
      AND COALESCE(r153."category" IN ('neglect_sexual'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/038i' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r155."authority" AS pmf_authority, r155."person" AS pmf_counted
    FROM "registration" r155 CROSS JOIN pmf_period p156
    WHERE COALESCE(CAST(r155."deregistered" AS DATE) >= p156.period_start AND CAST(r155."deregistered" AS DATE) <= p156.period_end, FALSE)
      AND COALESCE(r155."category" IN ('neglect_physical_sexual'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/039' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r157."authority" AS pmf_authority, r157."person" AS pmf_counted
    FROM "episode" r157 CROSS JOIN pmf_period p158
    WHERE COALESCE(CAST(r157."started" AS DATE) >= p158.period_start AND CAST(r157."started" AS DATE) <= p158.period_end, FALSE)
      AND COALESCE(r157."reason" IN ('started_care'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/041' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r159."authority" AS pmf_authority, r159."person" AS pmf_counted
    FROM "episode" r159 CROSS JOIN pmf_period p160
    WHERE COALESCE(CAST(r159."started" AS DATE) <= p160.period_end, FALSE) AND (r159."ended" IS NULL OR CAST(r159."ended" AS DATE) > p160.period_end)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/042' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r161."authority" AS pmf_authority, r161."person" AS pmf_counted
    FROM "episode" r161 CROSS JOIN pmf_period p162
    WHERE COALESCE(CAST(r161."started" AS DATE) <= p162.period_end, FALSE) AND (r161."ended" IS NULL OR CAST(r161."ended" AS DATE) > p162.period_end)
      AND COALESCE(r161."legal_status" IN ('short_breaks'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/045' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r163."authority" AS pmf_authority, r163."person" AS pmf_counted
    FROM "episode" r163 CROSS JOIN pmf_period p164
    LEFT JOIN (
      SELECT r165."authority" AS pmf_authority, r165."person" AS pmf_link, COUNT(DISTINCT r165."id") AS pmf_n
      FROM "episode" r165 CROSS JOIN pmf_period p166
      WHERE COALESCE(CAST(r165."started" AS DATE) <= p166.period_end, FALSE) AND (r165."ended" IS NULL OR CAST(r165."ended" AS DATE) >= p166.period_start)
        AND COALESCE(r165."reason" IN ('started_care', 'placement_change', 'both_change'), FALSE)
      GROUP BY r165."authority", r165."person"
    ) k167 ON k167.pmf_authority = r163."authority" AND k167.pmf_link = r163."person"
    WHERE COALESCE(CAST(r163."started" AS DATE) <= p164.period_end, FALSE) AND (r163."ended" IS NULL OR CAST(r163."ended" AS DATE) > p164.period_end)
      AND COALESCE(k167.pmf_n, 0) >= 3
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CH/047' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r168."authority" AS pmf_authority, r168."person" AS pmf_counted
    FROM "episode" r168 CROSS JOIN pmf_period p169
    WHERE COALESCE(CAST(r168."ended" AS DATE) >= p169.period_start AND CAST(r168."ended" AS DATE) <= p169.period_end, FALSE)
      AND COALESCE(r168."end_reason" IN ('returned_home'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/001' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r170."authority" AS pmf_authority, r170."id" AS pmf_counted
    FROM "contact" r170 CROSS JOIN pmf_period p171
    WHERE COALESCE(CAST(CAST(r170."received" AS TIMESTAMP) AS DATE) >= p171.period_start AND CAST(CAST(r170."received" AS TIMESTAMP) AS DATE) <= p171.period_end, FALSE)
      AND COALESCE(r170."about" IN ('adult_carer'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/002a' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r172."authority" AS pmf_authority, r172."id" AS pmf_counted
    FROM "contact" r172 CROSS JOIN pmf_period p173
    WHERE COALESCE(CAST(CAST(r172."received" AS TIMESTAMP) AS DATE) >= p173.period_start AND CAST(CAST(r172."received" AS TIMESTAMP) AS DATE) <= p173.period_end, FALSE)
      AND COALESCE(r172."about" IN ('adult_carer'), FALSE)
      AND COALESCE(r172."outcome" IN ('information_only'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/002b' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r174."authority" AS pmf_authority, r174."id" AS pmf_counted
    FROM "contact" r174 CROSS JOIN pmf_period p175
    WHERE COALESCE(CAST(CAST(r174."received" AS TIMESTAMP) AS DATE) >= p175.period_start AND CAST(CAST(r174."received" AS TIMESTAMP) AS DATE) <= p175.period_end, FALSE)
      AND COALESCE(r174."about" IN ('adult_carer'), FALSE)
      AND COALESCE(r174."outcome" IN ('advice_assistance'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/002c' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r176."authority" AS pmf_authority, r176."id" AS pmf_counted
    FROM "contact" r176 CROSS JOIN pmf_period p177
    WHERE COALESCE(CAST(CAST(r176."received" AS TIMESTAMP) AS DATE) >= p177.period_start AND CAST(CAST(r176."received" AS TIMESTAMP) AS DATE) <= p177.period_end, FALSE)
      AND COALESCE(r176."about" IN ('adult_carer'), FALSE)
      AND COALESCE(r176."outcome" IN ('no_further_action'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/003' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r178."authority" AS pmf_authority, r178."id" AS pmf_counted
    FROM "contact" r178 CROSS JOIN pmf_period p179
    LEFT JOIN pmf_calendar w180 ON w180."calendar" = 'wales' AND w180."date" = CAST(CAST(r178."decided" AS TIMESTAMP) AS DATE)
    LEFT JOIN pmf_calendar w181 ON w181."calendar" = 'wales' AND w181."date" = CAST(CAST(r178."received" AS TIMESTAMP) AS DATE)
    WHERE COALESCE(CAST(CAST(r178."received" AS TIMESTAMP) AS DATE) >= p179.period_start AND CAST(CAST(r178."received" AS TIMESTAMP) AS DATE) <= p179.period_end, FALSE)
      AND COALESCE(r178."about" IN ('adult_carer'), FALSE)
      AND COALESCE(r178."outcome" IN ('information_only', 'advice_assistance'), FALSE)
      AND COALESCE(CAST(CAST(r178."decided" AS TIMESTAMP) AS DATE) >= CAST(CAST(r178."received" AS TIMESTAMP) AS DATE) AND w180."working_day_number" - w181."working_day_number" <= 1, FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/004a' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r182."authority" AS pmf_authority, r182."id" AS pmf_counted
    FROM "contact" r182 CROSS JOIN pmf_period p183
    WHERE COALESCE(CAST(CAST(r182."received" AS TIMESTAMP) AS DATE) >= p183.period_start AND CAST(CAST(r182."received" AS TIMESTAMP) AS DATE) <= p183.period_end, FALSE)
      AND COALESCE(r182."about" IN ('adult_carer'), FALSE)
      AND COALESCE(r182."source" IN ('self_family'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/004b' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r184."authority" AS pmf_authority, r184."id" AS pmf_counted
    FROM "contact" r184 CROSS JOIN pmf_period p185
    WHERE COALESCE(CAST(CAST(r184."received" AS TIMESTAMP) AS DATE) >= p185.period_start AND CAST(CAST(r184."received" AS TIMESTAMP) AS DATE) <= p185.period_end, FALSE)
      AND COALESCE(r184."about" IN ('adult_carer'), FALSE)
      AND COALESCE(r184."source" IN ('friend_neighbour'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/004c' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r186."authority" AS pmf_authority, r186."id" AS pmf_counted
    FROM "contact" r186 CROSS JOIN pmf_period p187
    WHERE COALESCE(CAST(CAST(r186."received" AS TIMESTAMP) AS DATE) >= p187.period_start AND CAST(CAST(r186."received" AS TIMESTAMP) AS DATE) <= p187.period_end, FALSE)
      AND COALESCE(r186."about" IN ('adult_carer'), FALSE)
      AND COALESCE(r186."source" IN ('health'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/004d' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r188."authority" AS pmf_authority, r188."id" AS pmf_counted
    FROM "contact" r188 CROSS JOIN pmf_period p189
    WHERE COALESCE(CAST(CAST(r188."received" AS TIMESTAMP) AS DATE) >= p189.period_start AND CAST(CAST(r188."received" AS TIMESTAMP) AS DATE) <= p189.period_end, FALSE)
      AND COALESCE(r188."about" IN ('adult_carer'), FALSE)
      AND COALESCE(r188."source" IN ('education'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/004e' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r190."authority" AS pmf_authority, r190."id" AS pmf_counted
    FROM "contact" r190 CROSS JOIN pmf_period p191
    WHERE COALESCE(CAST(CAST(r190."received" AS TIMESTAMP) AS DATE) >= p191.period_start AND CAST(CAST(r190."received" AS TIMESTAMP) AS DATE) <= p191.period_end, FALSE)
      AND COALESCE(r190."about" IN ('adult_carer'), FALSE)
      AND COALESCE(r190."source" IN ('police'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/004f' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r192."authority" AS pmf_authority, r192."id" AS pmf_counted
    FROM "contact" r192 CROSS JOIN pmf_period p193
    WHERE COALESCE(CAST(CAST(r192."received" AS TIMESTAMP) AS DATE) >= p193.period_start AND CAST(CAST(r192."received" AS TIMESTAMP) AS DATE) <= p193.period_end, FALSE)
      AND COALESCE(r192."about" IN ('adult_carer'), FALSE)
      AND COALESCE(r192."source" IN ('probation'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/004g' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r194."authority" AS pmf_authority, r194."id" AS pmf_counted
    FROM "contact" r194 CROSS JOIN pmf_period p195
    WHERE COALESCE(CAST(CAST(r194."received" AS TIMESTAMP) AS DATE) >= p195.period_start AND CAST(CAST(r194."received" AS TIMESTAMP) AS DATE) <= p195.period_end, FALSE)
      AND COALESCE(r194."about" IN ('adult_carer'), FALSE)
      AND COALESCE(r194."source" IN ('housing'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/004h' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r196."authority" AS pmf_authority, r196."id" AS pmf_counted
    FROM "contact" r196 CROSS JOIN pmf_period p197
    WHERE COALESCE(CAST(CAST(r196."received" AS TIMESTAMP) AS DATE) >= p197.period_start AND CAST(CAST(r196."received" AS TIMESTAMP) AS DATE) <= p197.period_end, FALSE)
      AND COALESCE(r196."about" IN ('adult_carer'), FALSE)
      AND COALESCE(r196."source" IN ('early_intervention'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/004i' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r198."authority" AS pmf_authority, r198."id" AS pmf_counted
    FROM "contact" r198 CROSS JOIN pmf_period p199
    WHERE COALESCE(CAST(CAST(r198."received" AS TIMESTAMP) AS DATE) >= p199.period_start AND CAST(CAST(r198."received" AS TIMESTAMP) AS DATE) <= p199.period_end, FALSE)
      AND COALESCE(r198."about" IN ('adult_carer'), FALSE)
      AND COALESCE(r198."source" IN ('third_sector'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/004j' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r200."authority" AS pmf_authority, r200."id" AS pmf_counted
    FROM "contact" r200 CROSS JOIN pmf_period p201
    WHERE COALESCE(CAST(CAST(r200."received" AS TIMESTAMP) AS DATE) >= p201.period_start AND CAST(CAST(r200."received" AS TIMESTAMP) AS DATE) <= p201.period_end, FALSE)
      AND COALESCE(r200."about" IN ('adult_carer'), FALSE)
      AND COALESCE(r200."source" IN ('internal'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/004k' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r202."authority" AS pmf_authority, r202."id" AS pmf_counted
    FROM "contact" r202 CROSS JOIN pmf_period p203
    WHERE COALESCE(CAST(CAST(r202."received" AS TIMESTAMP) AS DATE) >= p203.period_start AND CAST(CAST(r202."received" AS TIMESTAMP) AS DATE) <= p203.period_end, FALSE)
      AND COALESCE(r202."about" IN ('adult_carer'), FALSE)
      AND COALESCE(r202."source" IN ('other'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/005' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r204."authority" AS pmf_authority, r204."id" AS pmf_counted
    FROM "contact" r204 CROSS JOIN pmf_period p205
    WHERE COALESCE(CAST(CAST(r204."received" AS TIMESTAMP) AS DATE) >= p205.period_start AND CAST(CAST(r204."received" AS TIMESTAMP) AS DATE) <= p205.period_end, FALSE)
      AND COALESCE(r204."about" IN ('adult_carer'), FALSE)
      AND EXISTS (
      SELECT 1
      FROM "contact" r206 CROSS JOIN pmf_period p207
      WHERE r206."authority" = r204."authority"
        AND r206."person" = r204."person"
        AND r206."id" <> r204."id"
        AND COALESCE(CAST(CAST(r204."received" AS TIMESTAMP) AS DATE) >= CAST(CAST(r206."received" AS TIMESTAMP) AS DATE) AND CAST(CAST(r204."received" AS TIMESTAMP) AS DATE) <= CAST(CAST(CAST(r206."received" AS TIMESTAMP) AS DATE) + INTERVAL 12 MONTH AS DATE), FALSE)
        AND COALESCE(r206."outcome" IN ('advice_assistance'), FALSE)
    )
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/007' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r208."authority" AS pmf_authority, r208."id" AS pmf_counted
    FROM "carer_offer" r208 CROSS JOIN pmf_period p209
    WHERE COALESCE(CAST(r208."offered" AS DATE) >= p209.period_start AND CAST(r208."offered" AS DATE) <= p209.period_end, FALSE)
      AND COALESCE(r208."about" IN ('adult_carer'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/008' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r210."authority" AS pmf_authority, r210."id" AS pmf_counted
    FROM "carer_offer" r210 CROSS JOIN pmf_period p211
    WHERE COALESCE(CAST(r210."offered" AS DATE) >= p211.period_start AND CAST(r210."offered" AS DATE) <= p211.period_end, FALSE)
      AND COALESCE(r210."about" IN ('adult_carer'), FALSE)
      AND COALESCE(r210."response" IN ('refused'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/010' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r212."authority" AS pmf_authority, r212."id" AS pmf_counted
    FROM "carer_offer" r212 CROSS JOIN pmf_period p213
    WHERE COALESCE(CAST(r212."offered" AS DATE) >= p213.period_start AND CAST(r212."offered" AS DATE) <= p213.period_end, FALSE)
      AND COALESCE(r212."about" IN ('adult_carer'), FALSE)
      AND COALESCE(r212."response" IN ('accepted'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/011' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r214."authority" AS pmf_authority, r214."id" AS pmf_counted
    FROM "assessment" r214 CROSS JOIN pmf_period p215
    WHERE COALESCE(CAST(r214."completed" AS DATE) >= p215.period_start AND CAST(r214."completed" AS DATE) <= p215.period_end, FALSE)
      AND COALESCE(r214."about" IN ('adult_carer'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/019' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r216."authority" AS pmf_authority, r216."person" AS pmf_counted
    FROM "plan" r216 CROSS JOIN pmf_period p217
    WHERE COALESCE(CAST(r216."started" AS DATE) <= p217.period_end, FALSE) AND (r216."ended" IS NULL OR CAST(r216."ended" AS DATE) > p217.period_end)
      AND COALESCE(r216."about" IN ('adult_carer'), FALSE)
      AND COALESCE(r216."kind" IN ('support'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/024' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r218."authority" AS pmf_authority, r218."id" AS pmf_counted
    FROM "contact" r218 CROSS JOIN pmf_period p219
    WHERE COALESCE(CAST(CAST(r218."received" AS TIMESTAMP) AS DATE) >= p219.period_start AND CAST(CAST(r218."received" AS TIMESTAMP) AS DATE) <= p219.period_end, FALSE)
      AND COALESCE(r218."about" IN ('young_carer'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/025a' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r220."authority" AS pmf_authority, r220."id" AS pmf_counted
    FROM "contact" r220 CROSS JOIN pmf_period p221
    WHERE COALESCE(CAST(CAST(r220."received" AS TIMESTAMP) AS DATE) >= p221.period_start AND CAST(CAST(r220."received" AS TIMESTAMP) AS DATE) <= p221.period_end, FALSE)
      AND COALESCE(r220."about" IN ('young_carer'), FALSE)
      AND COALESCE(r220."outcome" IN ('information_only'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/025b' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r222."authority" AS pmf_authority, r222."id" AS pmf_counted
    FROM "contact" r222 CROSS JOIN pmf_period p223
    WHERE COALESCE(CAST(CAST(r222."received" AS TIMESTAMP) AS DATE) >= p223.period_start AND CAST(CAST(r222."received" AS TIMESTAMP) AS DATE) <= p223.period_end, FALSE)
      AND COALESCE(r222."about" IN ('young_carer'), FALSE)
      AND COALESCE(r222."outcome" IN ('advice_assistance'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/025c' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r224."authority" AS pmf_authority, r224."id" AS pmf_counted
    FROM "contact" r224 CROSS JOIN pmf_period p225
    WHERE COALESCE(CAST(CAST(r224."received" AS TIMESTAMP) AS DATE) >= p225.period_start AND CAST(CAST(r224."received" AS TIMESTAMP) AS DATE) <= p225.period_end, FALSE)
      AND COALESCE(r224."about" IN ('young_carer'), FALSE)
      AND COALESCE(r224."outcome" IN ('no_further_action'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/026' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r226."authority" AS pmf_authority, r226."id" AS pmf_counted
    FROM "contact" r226 CROSS JOIN pmf_period p227
    LEFT JOIN pmf_calendar w228 ON w228."calendar" = 'wales' AND w228."date" = CAST(CAST(r226."decided" AS TIMESTAMP) AS DATE)
    LEFT JOIN pmf_calendar w229 ON w229."calendar" = 'wales' AND w229."date" = CAST(CAST(r226."received" AS TIMESTAMP) AS DATE)
    WHERE COALESCE(CAST(CAST(r226."received" AS TIMESTAMP) AS DATE) >= p227.period_start AND CAST(CAST(r226."received" AS TIMESTAMP) AS DATE) <= p227.period_end, FALSE)
      AND COALESCE(r226."about" IN ('young_carer'), FALSE)
      AND COALESCE(r226."outcome" IN ('information_only', 'advice_assistance'), FALSE)
      AND COALESCE(CAST(CAST(r226."decided" AS TIMESTAMP) AS DATE) >= CAST(CAST(r226."received" AS TIMESTAMP) AS DATE) AND w228."working_day_number" - w229."working_day_number" <= 1, FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/027a' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r230."authority" AS pmf_authority, r230."id" AS pmf_counted
    FROM "contact" r230 CROSS JOIN pmf_period p231
    WHERE COALESCE(CAST(CAST(r230."received" AS TIMESTAMP) AS DATE) >= p231.period_start AND CAST(CAST(r230."received" AS TIMESTAMP) AS DATE) <= p231.period_end, FALSE)
      AND COALESCE(r230."about" IN ('young_carer'), FALSE)
      AND COALESCE(r230."source" IN ('self_family'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/027b' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r232."authority" AS pmf_authority, r232."id" AS pmf_counted
    FROM "contact" r232 CROSS JOIN pmf_period p233
    WHERE COALESCE(CAST(CAST(r232."received" AS TIMESTAMP) AS DATE) >= p233.period_start AND CAST(CAST(r232."received" AS TIMESTAMP) AS DATE) <= p233.period_end, FALSE)
      AND COALESCE(r232."about" IN ('young_carer'), FALSE)
      AND COALESCE(r232."source" IN ('friend_neighbour'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/027c' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r234."authority" AS pmf_authority, r234."id" AS pmf_counted
    FROM "contact" r234 CROSS JOIN pmf_period p235
    WHERE COALESCE(CAST(CAST(r234."received" AS TIMESTAMP) AS DATE) >= p235.period_start AND CAST(CAST(r234."received" AS TIMESTAMP) AS DATE) <= p235.period_end, FALSE)
      AND COALESCE(r234."about" IN ('young_carer'), FALSE)
      AND COALESCE(r234."source" IN ('health'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/027d' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r236."authority" AS pmf_authority, r236."id" AS pmf_counted
    FROM "contact" r236 CROSS JOIN pmf_period p237
    WHERE COALESCE(CAST(CAST(r236."received" AS TIMESTAMP) AS DATE) >= p237.period_start AND CAST(CAST(r236."received" AS TIMESTAMP) AS DATE) <= p237.period_end, FALSE)
      AND COALESCE(r236."about" IN ('young_carer'), FALSE)
      AND COALESCE(r236."source" IN ('education'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/027e' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r238."authority" AS pmf_authority, r238."id" AS pmf_counted
    FROM "contact" r238 CROSS JOIN pmf_period p239
    WHERE COALESCE(CAST(CAST(r238."received" AS TIMESTAMP) AS DATE) >= p239.period_start AND CAST(CAST(r238."received" AS TIMESTAMP) AS DATE) <= p239.period_end, FALSE)
      AND COALESCE(r238."about" IN ('young_carer'), FALSE)
      AND COALESCE(r238."source" IN ('police'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/027f' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r240."authority" AS pmf_authority, r240."id" AS pmf_counted
    FROM "contact" r240 CROSS JOIN pmf_period p241
    WHERE COALESCE(CAST(CAST(r240."received" AS TIMESTAMP) AS DATE) >= p241.period_start AND CAST(CAST(r240."received" AS TIMESTAMP) AS DATE) <= p241.period_end, FALSE)
      AND COALESCE(r240."about" IN ('young_carer'), FALSE)
      AND COALESCE(r240."source" IN ('probation'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/027g' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r242."authority" AS pmf_authority, r242."id" AS pmf_counted
    FROM "contact" r242 CROSS JOIN pmf_period p243
    WHERE COALESCE(CAST(CAST(r242."received" AS TIMESTAMP) AS DATE) >= p243.period_start AND CAST(CAST(r242."received" AS TIMESTAMP) AS DATE) <= p243.period_end, FALSE)
      AND COALESCE(r242."about" IN ('young_carer'), FALSE)
      AND COALESCE(r242."source" IN ('housing'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/027h' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r244."authority" AS pmf_authority, r244."id" AS pmf_counted
    FROM "contact" r244 CROSS JOIN pmf_period p245
    WHERE COALESCE(CAST(CAST(r244."received" AS TIMESTAMP) AS DATE) >= p245.period_start AND CAST(CAST(r244."received" AS TIMESTAMP) AS DATE) <= p245.period_end, FALSE)
      AND COALESCE(r244."about" IN ('young_carer'), FALSE)
      AND COALESCE(r244."source" IN ('early_intervention'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/027i' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r246."authority" AS pmf_authority, r246."id" AS pmf_counted
    FROM "contact" r246 CROSS JOIN pmf_period p247
    WHERE COALESCE(CAST(CAST(r246."received" AS TIMESTAMP) AS DATE) >= p247.period_start AND CAST(CAST(r246."received" AS TIMESTAMP) AS DATE) <= p247.period_end, FALSE)
      AND COALESCE(r246."about" IN ('young_carer'), FALSE)
      AND COALESCE(r246."source" IN ('third_sector'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/027j' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r248."authority" AS pmf_authority, r248."id" AS pmf_counted
    FROM "contact" r248 CROSS JOIN pmf_period p249
    WHERE COALESCE(CAST(CAST(r248."received" AS TIMESTAMP) AS DATE) >= p249.period_start AND CAST(CAST(r248."received" AS TIMESTAMP) AS DATE) <= p249.period_end, FALSE)
      AND COALESCE(r248."about" IN ('young_carer'), FALSE)
      AND COALESCE(r248."source" IN ('internal'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/027k' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r250."authority" AS pmf_authority, r250."id" AS pmf_counted
    FROM "contact" r250 CROSS JOIN pmf_period p251
    WHERE COALESCE(CAST(CAST(r250."received" AS TIMESTAMP) AS DATE) >= p251.period_start AND CAST(CAST(r250."received" AS TIMESTAMP) AS DATE) <= p251.period_end, FALSE)
      AND COALESCE(r250."about" IN ('young_carer'), FALSE)
      AND COALESCE(r250."source" IN ('other'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/028' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r252."authority" AS pmf_authority, r252."id" AS pmf_counted
    FROM "contact" r252 CROSS JOIN pmf_period p253
    WHERE COALESCE(CAST(CAST(r252."received" AS TIMESTAMP) AS DATE) >= p253.period_start AND CAST(CAST(r252."received" AS TIMESTAMP) AS DATE) <= p253.period_end, FALSE)
      AND COALESCE(r252."about" IN ('young_carer'), FALSE)
      AND EXISTS (
      SELECT 1
      FROM "contact" r254 CROSS JOIN pmf_period p255
      WHERE r254."authority" = r252."authority"
        AND r254."person" = r252."person"
        AND r254."id" <> r252."id"
        AND COALESCE(CAST(CAST(r252."received" AS TIMESTAMP) AS DATE) >= CAST(CAST(r254."received" AS TIMESTAMP) AS DATE) AND CAST(CAST(r252."received" AS TIMESTAMP) AS DATE) <= CAST(CAST(CAST(r254."received" AS TIMESTAMP) AS DATE) + INTERVAL 12 MONTH AS DATE), FALSE)
        AND COALESCE(r254."outcome" IN ('advice_assistance'), FALSE)
    )
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/030' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r256."authority" AS pmf_authority, r256."id" AS pmf_counted
    FROM "carer_offer" r256 CROSS JOIN pmf_period p257
    WHERE COALESCE(CAST(r256."offered" AS DATE) >= p257.period_start AND CAST(r256."offered" AS DATE) <= p257.period_end, FALSE)
      AND COALESCE(r256."about" IN ('young_carer'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/031' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r258."authority" AS pmf_authority, r258."id" AS pmf_counted
    FROM "carer_offer" r258 CROSS JOIN pmf_period p259
    WHERE COALESCE(CAST(r258."offered" AS DATE) >= p259.period_start AND CAST(r258."offered" AS DATE) <= p259.period_end, FALSE)
      AND COALESCE(r258."about" IN ('young_carer'), FALSE)
      AND COALESCE(r258."response" IN ('refused'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/033' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r260."authority" AS pmf_authority, r260."id" AS pmf_counted
    FROM "carer_offer" r260 CROSS JOIN pmf_period p261
    WHERE COALESCE(CAST(r260."offered" AS DATE) >= p261.period_start AND CAST(r260."offered" AS DATE) <= p261.period_end, FALSE)
      AND COALESCE(r260."about" IN ('young_carer'), FALSE)
      AND COALESCE(r260."response" IN ('accepted'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/034' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r262."authority" AS pmf_authority, r262."id" AS pmf_counted
    FROM "assessment" r262 CROSS JOIN pmf_period p263
    WHERE COALESCE(CAST(r262."completed" AS DATE) >= p263.period_start AND CAST(r262."completed" AS DATE) <= p263.period_end, FALSE)
      AND COALESCE(r262."about" IN ('young_carer'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
  UNION ALL
  SELECT pmf_a.authority AS authority, 'CA/042' AS code, COUNT(DISTINCT pmf_c.pmf_counted) AS value
  FROM pmf_authorities pmf_a
  LEFT JOIN (
    SELECT r264."authority" AS pmf_authority, r264."person" AS pmf_counted
    FROM "plan" r264 CROSS JOIN pmf_period p265
    WHERE COALESCE(CAST(r264."started" AS DATE) <= p265.period_end, FALSE) AND (r264."ended" IS NULL OR CAST(r264."ended" AS DATE) > p265.period_end)
      AND COALESCE(r264."about" IN ('young_carer'), FALSE)
      AND COALESCE(r264."kind" IN ('support'), FALSE)
  ) pmf_c ON pmf_c.pmf_authority = pmf_a.authority
  GROUP BY pmf_a.authority
) pmf_counts
ORDER BY authority, code;

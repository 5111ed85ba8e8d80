META
key;value
description;"Made-up election for the tests; ""cumulative"" ballots"
country;Nowhere
unit;Millbrook
instance;2026
num_projects;8
num_votes;37
budget;150000
vote_type;cumulative
rule;greedy
currency;GBP
max_points;5
max_sum_points;10
PROJECTS
project_id;cost;name;subunit
1;40000;"Benches; shade and water on the Green";North
2;25000;"The ""Friday"" youth club";North
3;60000;Safe crossing at Mill Lane;South
4;15000;Community fridge;South
5;80000;"Playground renewal,
phase one";North
6;10000;Bike repair stand;South
7;35000;Trees for Canal Street;South
8;5000;Noticeboards in three languages;North
VOTES
voter_id;vote;points;age
v001;3,3;1,4;67
v002;6,7;2,3;76
v003;5,1,3;2,2,1;41
v004;5,5;3,2;42
v005;5,4,7;1,2,3;60
v006;1;1;48
v007;8,1,1;3,2,4;30
v008;1;3;22
v009;2,4;3,2;37
v010;2,4,5,4;2,3,2,2;19
v011;1;3;43
v012;3,2,1;3,3,1;26
v013;3,3;3,5;89
v014;6,2;1,3;25
v015;4,1,2;1,1,1;77
v016;5,3,8,5;3,1,2,5;21
v017;4,3;3,3;38
v018;1,4;3,3;68
v019;8,8;1,2;32
v020;3,1;2,2;43
v021;4,5,7;2,2,2;61
v022;5,5;3,2;47
v023;5,7;2,1;90
v024;2,1;2,2;72
v025;1,1;2,5;34
v026;1,3;2,3;52
v027;3,5;1,2;29
v028;5,5;3,1;30
v029;4,7;3,2;74
v030;7,8;2,1;57
v031;3,1,3;1,1,4;51
v032;5;3;36
v033;3,5;3,2;30
v034;7,1,1;3,1,4;20
v035;6;2;22
v036;6;3;44
v037;2,4,5,4;1,1,3,2;35

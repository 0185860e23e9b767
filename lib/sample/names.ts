// Word lists for generated names: Japanese and English people and companies.
export const SURNAMES = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水"];
export const GIVEN = ["健", "翔太", "美咲", "大輔", "陽子", "拓也", "結衣", "直樹", "彩", "隆", "愛", "誠", "真由美", "亮", "恵"];
export const ROMAN_SURNAMES = ["Sato", "Suzuki", "Takahashi", "Tanaka", "Ito", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Smith", "Garcia", "Chen", "Kim", "Miller"];
export const ROMAN_GIVEN = ["Ken", "Shota", "Misaki", "Daisuke", "Yoko", "Takuya", "Yui", "Naoki", "Aya", "Emma", "Liam", "Noah", "Mia", "Leo", "Sara"];
export const COMPANY_STEMS = ["日本", "東京", "大和", "富士", "未来", "青葉", "桜", "光", "北斗", "中央", "Global", "Pacific", "Nova", "Apex", "Blue", "Summit", "Vertex", "Orion", "Zen", "Kite"];
export const COMPANY_TAILS = ["システム", "ソリューションズ", "テクノロジー", "商事", "製作所", "コンサルティング", "データ", "ネットワークス", "Systems", "Labs", "Partners", "Works", "Digital", "Logistics"];
export const INDUSTRIES = ["Manufacturing", "Finance", "Retail", "IT", "Healthcare", "Logistics", "Public", "Energy"];

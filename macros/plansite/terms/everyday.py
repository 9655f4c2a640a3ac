"""Katakana words common enough in Japanese that a citizen needs no glossary entry for them.

The jargon check reports katakana words of four or more morae that have no glossary entry,
unless they are here. Keep the list short: it is for everyday words, not for the plan's terms.
"""

EVERYDAY = frozenset(
    """
    アクセス アプリ アンケート イベント インターネット ウェブ オンライン カード キャッシュレス クリック
    グループ コンテンツ コンビニ コンピューター サービス サイト サポート システム スケジュール スタート
    スマートフォン スマホ セキュリティ センター タブレット チーム チャット データ デジタル テレビ
    トップ ネットワーク パソコン パンフレット ビジネス ファイル プロジェクト ページ ホームページ
    マイナンバー マイナンバーカード メール メッセージ メニュー ルール レベル ワーキンググループ
    プロジェクトチーム ケースワーク ケースワーカー ポイント ガイドライン マニュアル プラットフォーム
    コミュニケーション コミュニティ スペース テーマ ニーズ バランス パートナーシップ プロセス
    マイクロフィルム インフラ ライフスタイル スキル リーダー ワークショップ アドバイス カメラ
    アイデア プログラム プログラミング ツール ノウハウ ライブ チャンネル フォロワー
    スムーズ イメージ ユーザー ストレス カウンター リアルタイム リニューアル アナログ スキルアップ
    モチベーション ショッピング ショッピングモール インターネット系 パスワード ホームページ上
    ボランティア キャンペーン ガイドブック フォーマット コスト メリット チェック コンビニエンスストア
    """.split()
)

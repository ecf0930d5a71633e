import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { photoUrl } from '../services/photos'

/** Stored photos as thumbnails; a tap opens the large view. */
export default function PhotoList({ photos, label = '照片' }: { photos: string[]; label?: string }) {
  if (!photos.length) return null
  const urls = photos.map(photoUrl)
  return (
    <View className="photos">
      {urls.map((url, i) => (
        <Image
          key={url}
          className="photos__img"
          src={url}
          mode="aspectFill"
          aria-label={`${label}第${i + 1}张，点按查看大图`}
          onClick={() => Taro.previewImage({ urls, current: url })}
        />
      ))}
    </View>
  )
}
